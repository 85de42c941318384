package org.redress.server.web;

import java.util.Objects;

/**
 * A page form that uploads a file and may be larger than the servlet container accepts. The
 * module that serves the form declares it as a bean; the security configuration (identity's) lets
 * such a refused request past the CSRF check, so that the module's page, not a bare 403, tells the
 * user about the limit. Only {@code POST} requests to the pattern are matched.
 *
 * @param pathPattern the form's action, as a Spring path pattern such as {@code /banks/{name}/import}
 */
public record OversizeUpload(String pathPattern) {

    /** @throws IllegalArgumentException when the pattern is not an absolute path */
    public OversizeUpload {
        Objects.requireNonNull(pathPattern, "pathPattern");
        if (!pathPattern.startsWith("/")) {
            throw new IllegalArgumentException("an upload's path pattern starts with '/'");
        }
    }
}
