package org.redress.server.transparency;

import java.time.Duration;
import org.redress.server.review.ReviewStatistics.Removal;

/** Counts and times of confirmed removals, for the whole period or one group of it. */
final class RemovalTally {

    /** The time the law gives the public's and trusted flaggers' reports (UK OSA s.10(3A), TAKE IT DOWN s.3). */
    static final Duration FORTY_EIGHT_HOURS = Duration.ofHours(48);

    private long removed;
    private long withinDeadline;
    private long within48Hours;
    private final Durations times = new Durations();

    void add(Removal removal) {
        removed++;
        if (!removal.removedAt().isAfter(removal.deadline())) {
            withinDeadline++;
        }
        if (Duration.between(removal.receivedAt(), removal.removedAt()).compareTo(FORTY_EIGHT_HOURS) <= 0) {
            within48Hours++;
        }
        times.add(removal.receivedAt(), removal.removedAt());
    }

    long removed() {
        return removed;
    }

    long withinDeadline() {
        return withinDeadline;
    }

    long within48Hours() {
        return within48Hours;
    }

    DurationSummary times() {
        return times.summary();
    }

    TransparencyReport.RemovalFigures figures() {
        return new TransparencyReport.RemovalFigures(removed, withinDeadline, within48Hours, times());
    }
}
