package org.redress.server.review;

import java.time.Instant;
import java.util.Objects;

/**
 * A moderator's lease on a case: nobody else can decide it until the lease runs out or is released.
 *
 * @param moderator the claimant's username
 * @param expiresAt when the lease ends unless renewed
 */
public record Claim(String moderator, Instant expiresAt) {

    public Claim {
        Objects.requireNonNull(moderator, "moderator");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the lease still holds at the given instant. */
    public boolean heldAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
