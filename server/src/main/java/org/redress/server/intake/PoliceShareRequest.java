package org.redress.server.intake;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A reporter's request that their case be shared with the police: their recorded consent, with
 * the crime reference the police gave them when they have one.
 *
 * @param requestedAt when they asked
 * @param crimeReference the police's reference for the crime, as the reporter typed it
 */
public record PoliceShareRequest(Instant requestedAt, Optional<String> crimeReference) {

    /** The longest crime reference accepted, in characters. */
    public static final int MAX_CRIME_REFERENCE = 100;

    public PoliceShareRequest {
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(crimeReference, "crimeReference");
    }

    /**
     * The crime reference as typed, stripped; empty when blank.
     *
     * @throws IllegalArgumentException when it is longer than {@link #MAX_CRIME_REFERENCE} or holds control characters
     */
    public static Optional<String> crimeReference(Optional<String> typed) {
        Optional<String> stripped = typed.map(String::strip).filter(s -> !s.isEmpty());
        if (stripped.isPresent()
                && (stripped.get().length() > MAX_CRIME_REFERENCE
                        || stripped.get().chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException(
                    "a crime reference has at most " + MAX_CRIME_REFERENCE + " characters, on one line");
        }
        return stripped;
    }
}
