package org.redress.server.identity.security;

import java.util.List;
import org.redress.server.identity.ApiKey;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by an API key; the principal is the stored key, never the secret. */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final ApiKey key;

    ApiKeyAuthentication(ApiKey key) {
        super(List.of(new SimpleGrantedAuthority(key.role().authority())));
        this.key = key;
        setAuthenticated(true);
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
        return "api-key:" + key.id();
    }
}
