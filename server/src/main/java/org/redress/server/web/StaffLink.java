package org.redress.server.web;

import java.util.Comparator;
import java.util.Objects;
import java.util.Set;

/**
 * A staff page that a module offers on the start page. Each module declares the links to its own
 * pages as beans, so the start page (identity's) names no other module's paths; links are shown
 * by {@code order}, and the page's own rules still decide who may open them.
 *
 * @param id the link's element id, stable for tests and assistive tools
 * @param path the page's path in the application, starting with {@code /}
 * @param label what the link says
 * @param audience who the page is for, shown after the link
 * @param roles the names of the roles that may open the page: the start page shows the link to
 *     them only, so nobody is offered a page that answers 403
 * @param order where the link goes, lowest first
 */
public record StaffLink(String id, String path, String label, String audience, Set<String> roles, int order) {

    /** Whether a caller holding these role names may open the page. */
    public boolean openTo(Set<String> callerRoles) {
        return roles.stream().anyMatch(callerRoles::contains);
    }

    /** Lowest {@code order} first, then by path. */
    public static final Comparator<StaffLink> IN_ORDER =
            Comparator.comparingInt(StaffLink::order).thenComparing(StaffLink::path);

    /** @throws IllegalArgumentException when the path is not an absolute path in the application */
    public StaffLink {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(audience, "audience");
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a staff link names the roles that may open its page");
        }
        if (!path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException(
                    "a staff link's path starts with one '/', got " + path.length() + " characters");
        }
    }
}
