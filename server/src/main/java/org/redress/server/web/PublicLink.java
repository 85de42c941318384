package org.redress.server.web;

import java.util.Comparator;
import java.util.Objects;

/**
 * A public page that a module offers to visitors who are not signed in: the public start page at
 * {@code /} and the not-found page list them, so neither names another module's paths. Shown by
 * {@code order}.
 *
 * @param id the link's element id, stable for tests and assistive tools
 * @param path the page's path in the application, starting with {@code /}
 * @param label what the link says
 * @param description one plain sentence on what the page is for
 * @param order where the link goes, lowest first
 */
public record PublicLink(String id, String path, String label, String description, int order) {

    /** Lowest {@code order} first, then by path. */
    public static final Comparator<PublicLink> IN_ORDER =
            Comparator.comparingInt(PublicLink::order).thenComparing(PublicLink::path);

    /** @throws IllegalArgumentException when the path is not an absolute path in the application */
    public PublicLink {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        if (!path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException(
                    "a public link's path starts with one '/', got " + path.length() + " characters");
        }
    }
}
