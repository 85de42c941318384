package org.redress.server.identity;

import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;

/** An administrator replaced a staff member's password with a new one-time password. */
public record PasswordReset(Actor actor, UserId userId) implements AuditedChange {

    @Override
    public String action() {
        return "user.password-reset";
    }

    @Override
    public AuditSubject subject() {
        return AuditTypes.USER.of(userId.toString());
    }
}
