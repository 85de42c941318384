package org.redress.server.enforcement;

import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;

/**
 * A delivery was queued (or queued again by staff): audited in the caller's transaction, and the
 * dispatcher's cue to send right after that transaction commits.
 *
 * @param actor who caused it
 * @param action {@code delivery.queued} or {@code delivery.retried}
 * @param id the delivery
 */
public record DeliveryQueued(Actor actor, String action, DeliveryId id) implements AuditedChange {

    @Override
    public AuditSubject subject() {
        return AuditTypes.DELIVERY.of(id.value());
    }
}
