package org.redress.server.review;

import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;
import org.redress.server.shared.CaseRef;

/**
 * A review change for the audit log: ids and verbs only.
 *
 * @param actor who made it
 * @param action such as {@code case.claimed} or {@code case.decided:remove}
 * @param caseRef the case changed
 */
public record ReviewChanged(Actor actor, String action, CaseRef caseRef) implements AuditedChange {

    private static final AuditSubject.Type CASE = new AuditSubject.Type("review_case");

    @Override
    public AuditSubject subject() {
        return CASE.of(caseRef.value());
    }
}
