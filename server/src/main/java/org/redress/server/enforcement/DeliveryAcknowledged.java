package org.redress.server.enforcement;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.enforcement.webhook.WebhookDispatcher;
import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.UploaderId;

/**
 * The platform acknowledged a webhook (answered 2xx). Published once per delivery, in the
 * transaction that records the acknowledgement; for a removal this is the platform's confirmed
 * take-down, which stops the case's clock. Test webhooks ({@link DeliveryType#WEBHOOK_TEST}) are
 * acknowledged too, without a case: listeners filter on {@code type}.
 *
 * @param id the delivery
 * @param type what the platform was asked to do, such as {@link DeliveryType#CONTENT_REMOVE}
 * @param caseRef the case it came from, absent for a test webhook
 * @param contentId the content, absent for an account suspension or a test webhook
 * @param uploaderId the account, present for an account suspension
 * @param acknowledgedAt when the answer arrived
 */
public record DeliveryAcknowledged(
        DeliveryId id,
        DeliveryType type,
        Optional<CaseRef> caseRef,
        Optional<ContentId> contentId,
        Optional<UploaderId> uploaderId,
        Instant acknowledgedAt)
        implements AuditedChange {

    public DeliveryAcknowledged {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(caseRef, "caseRef");
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(uploaderId, "uploaderId");
        Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
    }

    @Override
    public Actor actor() {
        return WebhookDispatcher.ACTOR;
    }

    @Override
    public String action() {
        return "delivery.acknowledged";
    }

    @Override
    public AuditSubject subject() {
        return AuditTypes.DELIVERY.of(id.value());
    }

    @Override
    public String toString() {
        return "DeliveryAcknowledged[id=" + id.value() + ", type=" + type + ", caseRef=" + caseRef + ", contentId="
                + contentId + ", uploaderId=" + (uploaderId.isPresent() ? "redacted" : "none") + ", acknowledgedAt="
                + acknowledgedAt + "]";
    }
}
