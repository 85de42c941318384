package org.redress.server.review;

/** What opened a review case. */
public enum Origin {
    /** An intimate image report (the case shares intake's reference). */
    REPORT,
    /** A hash match at upload or in a retroactive scan. */
    MATCH,
    /**
     * Matches against a bank entry no person has confirmed (an anonymous hash submission): one case
     * per entry, whatever the number of uploads, in which a moderator confirms the entry with
     * {@code REMOVE} or releases it with {@code NO_VIOLATION}.
     */
    PROVISIONAL,
    /** An uploader's appeal against a decision that restricted their content. */
    APPEAL
}
