package org.redress.server.review;

/** What opened a review case. */
public enum Origin {
    /** An intimate image report (the case shares intake's reference). */
    REPORT,
    /** A hash match at upload or in a retroactive scan. */
    MATCH,
    /** An uploader's appeal against a decision that restricted their content. */
    APPEAL
}
