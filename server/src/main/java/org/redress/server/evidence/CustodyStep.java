package org.redress.server.evidence;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step in a law-enforcement request's chain of custody.
 *
 * @param seq its place in the request's history, from 1
 * @param kind what happened
 * @param actor who did it ({@code STAFF:carol})
 * @param at when
 * @param note the reason of a decision or how a bundle was handed over (sealed at rest)
 * @param manifestSha256 the SHA-256 of the manifest of the bundle exported or handed over
 */
public record CustodyStep(
        int seq, Kind kind, String actor, Instant at, Optional<String> note, Optional<String> manifestSha256) {

    /** The steps a request goes through. */
    public enum Kind {
        RECORDED,
        APPROVED,
        REFUSED,
        EXPORTED,
        DELIVERED,
        COLLECTED
    }

    public CustodyStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(manifestSha256, "manifestSha256");
    }
}
