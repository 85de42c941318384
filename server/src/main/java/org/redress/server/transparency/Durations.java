package org.redress.server.transparency;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Durations collected one by one into a growing array of milliseconds: 8 bytes a case, so a
 * year's worth of a million removals takes 8 MB, and no row object is kept.
 */
final class Durations {

    private long[] millis = new long[16];
    private int count;

    void add(Instant start, Instant end) {
        if (count == millis.length) {
            millis = Arrays.copyOf(millis, count * 2);
        }
        millis[count++] = Duration.between(start, end).toMillis();
    }

    DurationSummary summary() {
        return DurationSummary.ofMillis(millis, count);
    }
}
