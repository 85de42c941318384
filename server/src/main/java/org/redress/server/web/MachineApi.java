package org.redress.server.web;

import java.util.Objects;

/**
 * Routes for machines outside {@code /api}, such as the HMA-compatible ones under {@code /hma}. The
 * module that serves them declares this bean; the security configuration (identity's) then treats
 * them as API routes: bearer keys, no session, no CSRF token, problem documents for refusals.
 *
 * @param pathPattern a Spring path pattern such as {@code /hma/**}
 */
public record MachineApi(String pathPattern) {

    /** @throws IllegalArgumentException when the pattern is not an absolute path */
    public MachineApi {
        Objects.requireNonNull(pathPattern, "pathPattern");
        if (!pathPattern.startsWith("/")) {
            throw new IllegalArgumentException("a machine API's path pattern starts with '/'");
        }
    }
}
