package org.redress.server.review;

/** How grave the content is; the queue puts graver cases first among equal deadlines. */
public enum Severity {
    /** The person shown was under 18: child sexual abuse material (OSA s.66; NCA, NCMEC). */
    CHILD_SEXUAL_ABUSE(3),
    /** Intimate image abuse: shared or threatened without consent, deepfakes included. */
    INTIMATE_IMAGE_ABUSE(2),
    /** Anything else a bank flags for review. */
    OTHER(1);

    private final int rank;

    Severity(int rank) {
        this.rank = rank;
    }

    /** Higher is graver. */
    public int rank() {
        return rank;
    }

    /** The graver of two. */
    public Severity graver(Severity other) {
        return other.rank > rank ? other : this;
    }
}
