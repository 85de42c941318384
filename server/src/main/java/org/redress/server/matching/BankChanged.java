package org.redress.server.matching;

import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;

/** A bank was created or its settings changed ({@code what} is {@code created} or {@code updated}). */
public record BankChanged(Actor actor, String bankId, String what) implements AuditedChange {

    @Override
    public String action() {
        return "bank." + what;
    }

    @Override
    public AuditSubject subject() {
        return AuditTypes.BANK.of(bankId);
    }
}
