package org.redress.server.identity;

import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;

/** A staff member's password was replaced. */
public record PasswordChanged(Actor actor, UserId userId) implements AuditedChange {

    @Override
    public String action() {
        return "user.password-changed";
    }

    @Override
    public AuditSubject subject() {
        return AuditTypes.USER.of(userId.toString());
    }
}
