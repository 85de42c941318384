package org.redress.server.identity;

import org.jspecify.annotations.Nullable;
import org.redress.server.identity.security.ApiKeyAuthentication;
import org.redress.server.shared.Actor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Turns the authenticated caller into the {@link Actor} that facades record in the audit log. */
public final class Callers {

    private Callers() {}

    public static Actor actorOf(@Nullable Authentication authentication) {
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return new Actor.Public();
        }
        if (authentication instanceof ApiKeyAuthentication key) {
            return key.owner()
                    .<Actor>map(owner -> new Actor.Staff(owner.value()))
                    .orElseGet(() -> new Actor.ApiKey(key.getPrincipal().id().toString()));
        }
        return new Actor.Staff(authentication.getName());
    }
}
