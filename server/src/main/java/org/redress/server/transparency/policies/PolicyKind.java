package org.redress.server.transparency.policies;

import java.util.Optional;

/** The policies published, by the name their paths use. */
public enum PolicyKind {
    /** The terms-of-service section on intimate image abuse and the s.20A reporting route (UK OSA s.10(5), s.20A). */
    INTIMATE_IMAGES("intimate-images"),
    /** The clear and conspicuous notice of how to ask for removal (US TAKE IT DOWN Act s.3(a)(2)). */
    TAKE_IT_DOWN("take-it-down");

    private final String slug;

    PolicyKind(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static Optional<PolicyKind> ofSlug(String slug) {
        for (PolicyKind kind : values()) {
            if (kind.slug.equals(slug)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
