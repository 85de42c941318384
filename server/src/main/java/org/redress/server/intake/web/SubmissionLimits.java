package org.redress.server.intake.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sliding-window count of public submissions per client address: at most {@code limit} in any
 * {@code window}. Bounded memory: the oldest addresses are forgotten beyond {@code maxAddresses}.
 * Thread-safe.
 */
final class SubmissionLimits {

    private final int limit;
    private final Duration window;
    private final int maxAddresses;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new LinkedHashMap<>();

    SubmissionLimits(int limit, Duration window, int maxAddresses, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero() || maxAddresses < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.limit = limit;
        this.window = window;
        this.maxAddresses = maxAddresses;
        this.clock = clock;
    }

    /** Counts one submission from the address; false when it is over the limit (and is not counted). */
    boolean tryAcquire(String address) {
        return tryAcquire(address, 1);
    }

    /** Counts {@code count} items from the address; false when they would pass the limit (none is counted). */
    synchronized boolean tryAcquire(String address, int count) {
        Instant now = clock.instant();
        Instant horizon = now.minus(window);
        Deque<Instant> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.pollFirst();
        }
        if (times.size() + count > limit) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            times.addLast(now);
        }
        if (recent.size() > maxAddresses) {
            Iterator<String> oldest = recent.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }
}
