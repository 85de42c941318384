package org.redress.server.identity;

import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;

/** An API key was issued. */
public record ApiKeyIssued(Actor actor, ApiKeyId keyId, Role role) implements AuditedChange {

    @Override
    public String action() {
        return "api-key.issued:" + role.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public AuditSubject subject() {
        return AuditTypes.API_KEY.of(keyId.toString());
    }
}
