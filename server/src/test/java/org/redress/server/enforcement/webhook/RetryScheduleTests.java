package org.redress.server.enforcement.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTests {

    private static final Instant CREATED = Instant.parse("2026-12-01T00:00:00Z");
    private final RetrySchedule schedule =
            new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(72));

    @Test
    void doublesFromThirtySecondsUpToAnHour() {
        assertThat(schedule.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(schedule.backoff(5)).isEqualTo(Duration.ofSeconds(480));
        assertThat(schedule.backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.backoff(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void jittersWithinTheSecondHalfOfTheWait() {
        Instant now = CREATED.plusSeconds(100);
        assertThat(schedule.nextAttempt(2, now, CREATED, 0)).contains(now.plusSeconds(60));
        assertThat(schedule.nextAttempt(2, now, CREATED, 0.999).orElseThrow())
                .isAfterOrEqualTo(now.plusSeconds(30))
                .isBefore(now.plusSeconds(31));
    }

    @Test
    void makesTheLastAttemptWhenTheWindowEnds() {
        Instant end = CREATED.plus(Duration.ofHours(72));
        assertThat(schedule.nextAttempt(80, end.minusSeconds(60), CREATED, 0)).contains(end);
    }

    @Test
    void givesUpOnAFailureAtTheEndOfTheWindow() {
        Instant end = CREATED.plus(Duration.ofHours(72));
        assertThat(schedule.nextAttempt(81, end, CREATED, 0.5)).isEmpty();
        assertThat(schedule.nextAttempt(81, end.plusSeconds(1), CREATED, 0.5)).isEmpty();
    }

    @Test
    void refusesJitterOutsideTheUnitInterval() {
        assertThatIllegalArgumentException().isThrownBy(() -> schedule.nextAttempt(1, CREATED, CREATED, 1.0));
        assertThatIllegalArgumentException().isThrownBy(() -> schedule.nextAttempt(0, CREATED, CREATED, 0));
    }
}
