package org.redress.server.enforcement.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.storage.OutboxClaims;

/**
 * When a failed webhook is sent again: the outboxes' exponential backoff from {@code initial},
 * doubling per failure up to {@code max} ({@link OutboxClaims.Backoff}), with "equal jitter" (a
 * random point in the second half of the wait) so that deliveries failing together do not come
 * back together. The last attempt is made when the window ends, so retries cover the whole
 * window; a failure at or after its end gives up.
 *
 * @param initial the wait after the first failure
 * @param max the longest wait
 * @param window how long after queueing a delivery is retried
 */
record RetrySchedule(Duration initial, Duration max, Duration window) {

    RetrySchedule {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(window, "window");
    }

    /**
     * The next attempt after a failure, or empty to give up.
     *
     * @param failures failed attempts so far, this one included (at least 1)
     * @param now when this attempt failed
     * @param createdAt when the delivery was queued
     * @param jitter a random number in [0, 1)
     */
    Optional<Instant> nextAttempt(int failures, Instant now, Instant createdAt, double jitter) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1: " + failures);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be within [0, 1): " + jitter);
        }
        Instant end = createdAt.plus(window);
        if (!now.isBefore(end)) {
            return Optional.empty();
        }
        Duration wait = backoff(failures);
        Duration jittered = wait.minus(Duration.ofMillis((long) (wait.toMillis() / 2.0 * jitter)));
        Instant next = now.plus(jittered);
        return Optional.of(next.isAfter(end) ? end : next);
    }

    /** The wait before jitter: the outboxes' shared {@link OutboxClaims.Backoff}. */
    Duration backoff(int failures) {
        return new OutboxClaims.Backoff(initial, max).after(failures);
    }
}
