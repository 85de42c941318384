package org.redress.server.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SubmissionLimitsTests {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void refusesTheSubmissionOverTheLimitUntilTheWindowMoves() {
        var clock = new ManualClock();
        var limits = new SubmissionLimits(3, Duration.ofMinutes(10), 100, clock);
        assertThat(limits.tryAcquire("198.51.100.7")).isTrue();
        assertThat(limits.tryAcquire("198.51.100.7")).isTrue();
        assertThat(limits.tryAcquire("198.51.100.7")).isTrue();
        assertThat(limits.tryAcquire("198.51.100.7")).isFalse();
        assertThat(limits.tryAcquire("203.0.113.9")).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        assertThat(limits.tryAcquire("198.51.100.7")).isTrue();
    }

    @Test
    void forgetsTheOldestAddressesBeyondItsCapacity() {
        var limits = new SubmissionLimits(1, Duration.ofMinutes(10), 2, new ManualClock());
        assertThat(limits.tryAcquire("a")).isTrue();
        assertThat(limits.tryAcquire("b")).isTrue();
        assertThat(limits.tryAcquire("c")).isTrue();
        assertThat(limits.tryAcquire("a")).isTrue();
        assertThat(limits.tryAcquire("c")).isFalse();
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThatThrownBy(() -> new SubmissionLimits(0, Duration.ofMinutes(1), 1, new ManualClock()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
