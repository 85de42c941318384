package org.redress.server.transparency;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * How long something took across a set of cases, in whole seconds (truncated). Percentiles are
 * nearest-rank: the p-th percentile of n sorted values is the value at rank ceil(p * n / 100), so the
 * median is the lower middle value and every figure is one that actually occurred. Without values,
 * only the count (0) is given.
 */
public record DurationSummary(
        long count,
        @Nullable Long medianSeconds,
        @Nullable Long p90Seconds,
        @Nullable Long maxSeconds) {

    static final DurationSummary NONE = new DurationSummary(0, null, null, null);

    /** The summary of durations in milliseconds; sorts the array given. */
    static DurationSummary ofMillis(long[] millis, int count) {
        if (count == 0) {
            return NONE;
        }
        Arrays.sort(millis, 0, count);
        return new DurationSummary(
                count,
                seconds(millis[rank(50, count) - 1]),
                seconds(millis[rank(90, count) - 1]),
                seconds(millis[count - 1]));
    }

    /** The nearest rank, from 1, of the percentile among n values. */
    static int rank(int percentile, int n) {
        return (int) ((percentile * (long) n + 99) / 100);
    }

    private static long seconds(long millis) {
        return millis / 1000;
    }
}
