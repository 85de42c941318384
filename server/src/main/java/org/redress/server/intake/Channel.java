package org.redress.server.intake;

import java.time.Duration;
import java.time.Instant;

/**
 * How a report arrived, which sets its priority and its removal deadline: 48 hours from receipt
 * for the public and trusted flaggers (UK OSA s.10(3A), US TAKE IT DOWN Act s.3), 24 hours for a
 * regulator's removal notice.
 */
public enum Channel {
    /** Anyone, with or without an account. */
    PUBLIC(Duration.ofHours(48), 0),
    /** A trusted flagger's API key (a helpline, a hotline). */
    FLAGGER(Duration.ofHours(48), 1),
    /** A regulator's removal notice, entered by compliance staff. */
    REGULATOR(Duration.ofHours(24), 2);

    private final Duration removalWithin;
    private final int rank;

    Channel(Duration removalWithin, int rank) {
        this.removalWithin = removalWithin;
        this.rank = rank;
    }

    /** The removal deadline of a report received at the given instant. */
    public Instant removalDeadline(Instant receivedAt) {
        return receivedAt.plus(removalWithin);
    }

    /** The more urgent of two channels. */
    public Channel max(Channel other) {
        return other.rank > rank ? other : this;
    }
}
