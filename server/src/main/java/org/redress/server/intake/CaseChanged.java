package org.redress.server.intake;

import org.redress.server.shared.Actor;
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

    @Override
    public String objectType() {
        return "intake_case";
    }

    @Override
    public String objectId() {
        return caseRef.value();
    }
}
