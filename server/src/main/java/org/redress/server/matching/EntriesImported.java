package org.redress.server.matching;

import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;

/** A bulk import added entries to a bank; the audit log records the batch, not each entry. */
public record EntriesImported(Actor actor, String bankId, String batch, int count) implements AuditedChange {

    @Override
    public String action() {
        return "bank-entries.imported";
    }

    @Override
    public AuditSubject subject() {
        return AuditTypes.BANK.of(bankId + "/" + batch);
    }
}
