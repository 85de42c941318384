package org.redress.server.intake;

import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;
import org.redress.server.shared.CaseRef;

/**
 * An intake change for the audit log: ids and verbs only.
 *
 * @param actor who made it
 * @param action such as {@code report.received}
 * @param caseRef the case changed
 */
public record CaseChanged(Actor actor, String action, CaseRef caseRef) implements AuditedChange {

    private static final AuditSubject.Type CASE = new AuditSubject.Type("intake_case");

    @Override
    public AuditSubject subject() {
        return CASE.of(caseRef.value());
    }
}
