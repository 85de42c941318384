package org.redress.server.review;

/** Where a review case stands. */
public enum ReviewState {
    /** Waiting in the queue (claimed or not). */
    OPEN(true),
    /** Sent up to a senior moderator; in the queue for seniors only. */
    ESCALATED(true),
    /** Removal decided; the platform has not yet confirmed every removal, so the clock runs. */
    AWAITING_REMOVAL(false),
    /** The platform confirmed every removal: the clock stopped. */
    REMOVED(false),
    /** Decided as no violation, with a reason code. */
    NO_VIOLATION(false),
    /** Every report of the case was withdrawn before a decision. */
    WITHDRAWN(false),
    /** An appeal case: the appealed decision stands. */
    UPHELD(false),
    /** An appeal case: the appealed decision was reversed and the content restored. */
    REVERSED(false);

    private final boolean decidable;

    ReviewState(boolean decidable) {
        this.decidable = decidable;
    }

    /** Whether the case waits for a moderator's decision. */
    public boolean decidable() {
        return decidable;
    }

    /** Whether the legal clock still runs: not until the platform confirms removal. */
    public boolean clockRunning() {
        return this == OPEN || this == ESCALATED || this == AWAITING_REMOVAL;
    }
}
