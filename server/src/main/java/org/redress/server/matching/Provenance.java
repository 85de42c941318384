package org.redress.server.matching;

import java.util.Objects;

/**
 * What brought an entry into a bank.
 *
 * @param source the kind of origin
 * @param ref the origin's id: a case reference, a decision id, an import batch id or a username
 */
public record Provenance(Source source, String ref) {

    /** The kinds of origin. */
    public enum Source {
        /** A victim's hash submission, by case reference. */
        SUBMISSION,
        /** A report's case, by case reference. */
        CASE,
        /** A moderator's removal decision. */
        DECISION,
        /** A bulk import from a partner. */
        IMPORT,
        /** Added by an administrator through the API. */
        MANUAL,
        /** Fetched from a hash exchange (StopNCII), by exchange, signal type and hash. */
        EXCHANGE
    }

    public Provenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ref, "ref");
        if (ref.isEmpty() || ref.length() > 200) {
            throw new IllegalArgumentException("a provenance reference is 1 to 200 characters");
        }
    }
}
