package org.redress.server.identity;

import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;

/** A staff account was created. */
public record UserCreated(Actor actor, UserId userId, Role role) implements AuditedChange {

    @Override
    public String action() {
        return "user.created:" + role.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public AuditSubject subject() {
        return AuditTypes.USER.of(userId.toString());
    }
}
