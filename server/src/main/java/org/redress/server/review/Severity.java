package org.redress.server.review;

import org.redress.server.intake.ReportReason;

/** How grave the content is; the queue puts graver cases first among equal deadlines. */
public enum Severity {
    /** The person shown was under 18: child sexual abuse material (OSA s.66; NCA, NCMEC). */
    CHILD_SEXUAL_ABUSE(3),
    /** Intimate image abuse: shared or threatened without consent, deepfakes included. */
    INTIMATE_IMAGE_ABUSE(2),
    /** Anything else a bank flags for review; cyberflashing (SOA 2003 s.66A), whose image is not the reporter's. */
    OTHER(1);

    private final int rank;

    Severity(int rank) {
        this.rank = rank;
    }

    /** Higher is graver. */
    public int rank() {
        return rank;
    }

    /**
     * The severity of a report: child sexual abuse when the person shown was under 18, whatever
     * the reason; otherwise intimate image abuse, except cyberflashing, which Ofcom counts as a kind
     * of illegal content of its own (docs/report-reasons.md).
     */
    public static Severity ofReport(boolean subjectWasUnder18, ReportReason reason) {
        if (subjectWasUnder18) {
            return CHILD_SEXUAL_ABUSE;
        }
        return reason.osaHarm() == ReportReason.OsaHarm.INTIMATE_IMAGE_ABUSE ? INTIMATE_IMAGE_ABUSE : OTHER;
    }

    /** The graver of two. */
    public Severity graver(Severity other) {
        return other.rank > rank ? other : this;
    }
}
