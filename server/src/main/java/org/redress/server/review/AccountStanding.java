package org.redress.server.review;

import java.time.Instant;
import java.util.Optional;

/**
 * An uploader's standing under the repeat-uploader policy (EU DSA Art. 23).
 *
 * @param confirmedRemovals removals confirmed against them and not reversed on appeal
 * @param warnedAt when they were warned that further removals suspend their account
 * @param suspendedUntil when their current or last suspension ends
 */
public record AccountStanding(int confirmedRemovals, Optional<Instant> warnedAt, Optional<Instant> suspendedUntil) {

    /** Whether a suspension runs at the instant. */
    public boolean suspendedAt(Instant now) {
        return suspendedUntil.filter(now::isBefore).isPresent();
    }
}
