package org.redress.server.identity;

import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;

/** An API key was revoked; requests with it are refused from now on. */
public record ApiKeyRevoked(Actor actor, ApiKeyId keyId) implements AuditedChange {

    @Override
    public String action() {
        return "api-key.revoked";
    }

    @Override
    public AuditSubject subject() {
        return AuditTypes.API_KEY.of(keyId.toString());
    }
}
