package org.redress.server.review;

import java.util.Objects;
import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;

/**
 * A change to a complaint, for the audit log: received, claimed, assigned, answered.
 *
 * @param actor who changed it
 * @param action such as {@code complaint.claimed}
 * @param complaintId the complaint
 */
public record ComplaintChanged(Actor actor, String action, String complaintId) implements AuditedChange {

    private static final AuditSubject.Type COMPLAINT = new AuditSubject.Type("review_complaint");

    public ComplaintChanged {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(complaintId, "complaintId");
    }

    @Override
    public AuditSubject subject() {
        return COMPLAINT.of(complaintId);
    }
}
