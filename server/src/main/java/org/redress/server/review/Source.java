package org.redress.server.review;

import org.redress.server.intake.Channel;
import org.redress.server.intake.ReporterRole;

/**
 * Who brought the case; the queue prefers regulators, then trusted flaggers, then the person
 * shown (or someone acting for them), then bystanders, then hash matches among equal deadlines
 * and severities. Appeals come from uploaders.
 */
public enum Source {
    REGULATOR(5),
    TRUSTED_FLAGGER(4),
    PERSON_DEPICTED(3),
    BYSTANDER(2),
    HASH_MATCH(1),
    /** The uploader of restricted content, appealing; appeals have their own target time, not the removal clock. */
    UPLOADER(0);

    private final int rank;

    Source(int rank) {
        this.rank = rank;
    }

    /** Higher comes first. */
    public int rank() {
        return rank;
    }

    /** The more urgent of two. */
    public Source moreUrgent(Source other) {
        return other.rank > rank ? other : this;
    }

    /** The source of a report, from how it arrived and who made it. */
    public static Source of(Channel channel, ReporterRole role) {
        return switch (channel) {
            case REGULATOR -> REGULATOR;
            case FLAGGER -> TRUSTED_FLAGGER;
            case PUBLIC -> role == ReporterRole.BYSTANDER ? BYSTANDER : PERSON_DEPICTED;
        };
    }
}
