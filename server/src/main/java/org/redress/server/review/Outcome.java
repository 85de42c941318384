package org.redress.server.review;

/**
 * The names of the decisions (see {@link Decision}), as stored, sent over the API and shown in
 * forms. The set grows with {@link Decision}'s variants, one name each.
 */
public enum Outcome {
    /** Remove the content at the platform; its hashes are banked once removal is confirmed. */
    REMOVE,
    /** Not a violation, with a reason code of UK OSA s.10(3B); the case closes. */
    NO_VIOLATION,
    /** Send the case to a senior moderator. */
    ESCALATE,
    /**
     * UK OSA s.10(3B): the reporter is neither the person shown nor acting for them, so the 48-hour
     * duty does not apply. The case stays in the queue with the ordinary illegal-content target and
     * still ends in a decision on the content (s.10(3)(b)).
     */
    LIFT_DEADLINE,
    /** Child sexual abuse material: remove and record the referral for the NCA or NCMEC. */
    REFER,
    /** An appeal case: the appealed decision stands. */
    UPHOLD,
    /** An appeal case: the appealed decision is reversed and the content restored. */
    REVERSE;

    /** Whether this outcome decides an appeal case (and only an appeal case). */
    public boolean decidesAppeal() {
        return this == UPHOLD || this == REVERSE;
    }
}
