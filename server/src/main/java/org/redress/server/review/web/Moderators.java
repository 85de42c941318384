package org.redress.server.review.web;

import org.redress.server.identity.Role;
import org.redress.server.review.Moderator;
import org.springframework.security.core.Authentication;

/** The signed-in caller as review sees them. */
final class Moderators {

    private Moderators() {}

    static Moderator of(Authentication caller) {
        boolean senior = caller.getAuthorities().stream()
                .anyMatch(a -> Role.SENIOR_MODERATOR.authority().equals(a.getAuthority()));
        return new Moderator(caller.getName(), senior);
    }
}
