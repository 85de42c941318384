package org.redress.server.enforcement;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.enforcement.webhook.WebhookDispatcher;
import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;
import org.redress.server.shared.CaseRef;

/**
 * A webhook was not acknowledged within the retry window ({@code redress.webhook.give-up-after})
 * and is no longer sent. Published in the transaction that records it; staff can send it again.
 *
 * @param id the delivery
 * @param type what the platform was asked to do
 * @param caseRef the case it came from, absent for a test webhook
 * @param at when retrying stopped
 */
public record DeliveryGivenUp(DeliveryId id, DeliveryType type, Optional<CaseRef> caseRef, Instant at)
        implements AuditedChange {

    public DeliveryGivenUp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(caseRef, "caseRef");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public Actor actor() {
        return WebhookDispatcher.ACTOR;
    }

    @Override
    public String action() {
        return "delivery.given-up";
    }

    @Override
    public AuditSubject subject() {
        return AuditTypes.DELIVERY.of(id.value());
    }
}
