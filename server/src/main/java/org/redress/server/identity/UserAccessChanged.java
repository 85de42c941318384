package org.redress.server.identity;

import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;

/** A staff account was disabled (its sign-ins and personal keys stop working) or enabled again. */
public record UserAccessChanged(Actor actor, UserId userId, boolean enabled) implements AuditedChange {

    @Override
    public String action() {
        return enabled ? "user.enabled" : "user.disabled";
    }

    @Override
    public AuditSubject subject() {
        return AuditTypes.USER.of(userId.toString());
    }
}
