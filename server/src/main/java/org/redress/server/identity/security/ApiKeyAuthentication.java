package org.redress.server.identity.security;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.ApiKey;
import org.redress.server.identity.Username;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by an API key; the principal is the stored key, never the secret. A
 * personal key (one issued to a staff member) acts as its owner: its name is the owner's username,
 * so history, the audit log and every different-person rule see the person, not the credential.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final ApiKey key;
    private final @Nullable Username owner;

    ApiKeyAuthentication(ApiKey key, Optional<Username> owner) {
        super(List.of(new SimpleGrantedAuthority(key.role().authority())));
        this.key = key;
        this.owner = owner.orElse(null);
        setAuthenticated(true);
    }

    /** The staff member a personal key belongs to; empty for a machine key. */
    public Optional<Username> owner() {
        return Optional.ofNullable(owner);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public ApiKey getPrincipal() {
        return key;
    }

    @Override
    public String getName() {
        return owner != null ? owner.value() : "api-key:" + key.id();
    }
}
