package org.redress.server.transparency.registers;

import java.util.Optional;

/** The registers kept, by the name their paths use. */
public enum RegisterKind {
    /** The illegal-content risk assessment for intimate image abuse (OSA s.9, s.23(2)). */
    RISK_ASSESSMENT("risk-assessment", "Illegal content risk assessment: intimate image abuse"),
    /** The Codes measures taken, with their references (OSA s.23(3)). */
    MEASURES("measures", "Measures taken under the Illegal Content Codes"),
    /** The individual accountable for the illegal-content and reporting duties (ICU A2). */
    ACCOUNTABLE_INDIVIDUAL("accountable-individual", "Accountable individual");

    private final String slug;
    private final String title;

    RegisterKind(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public static Optional<RegisterKind> ofSlug(String slug) {
        for (RegisterKind kind : values()) {
            if (kind.slug.equals(slug)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
