package org.redress.server.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small values behind the figures: periods, percentiles, breach reasons, CSV fields. */
class TransparencyValuesTests {

    @Test
    void aPeriodRunsFromMidnightUtcOfItsFirstDayToMidnightAfterItsLast() {
        var period = Period.parse("2026-11-01", "2026-11-30");
        assertThat(period.start()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(period.end()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(Period.parse("2026-11-05", "2026-11-05").end()).isEqualTo(Instant.parse("2026-11-06T00:00:00Z"));
    }

    @Test
    void rejectsAPeriodThatEndsBeforeItStartsAndDatesThatAreNoneWithoutRepeatingThem() {
        assertThatThrownBy(() -> new Period(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-01")))
                .hasMessage("the period ends before it starts");
        assertThatThrownBy(() -> Period.parse("2026-11-31", "2026-12-01"))
                .hasMessage("from is not a date of the form YYYY-MM-DD");
        assertThatThrownBy(() -> Period.parse("2026-11-01", "tomorrow"))
                .hasMessage("to is not a date of the form YYYY-MM-DD");
    }

    @Test
    void takesNearestRankPercentilesSoEveryFigureIsATimeThatOccurred() {
        long[] millis = {10_000, 40_000, 20_000, 30_000};
        var summary = DurationSummary.ofMillis(millis, 4);
        assertThat(summary).isEqualTo(new DurationSummary(4, 20L, 40L, 40L));
        long[] ten = {1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 9_000, 10_999};
        assertThat(DurationSummary.ofMillis(ten, 10)).isEqualTo(new DurationSummary(10, 5L, 9L, 10L));
        assertThat(DurationSummary.ofMillis(new long[1], 0)).isEqualTo(new DurationSummary(0, null, null, null));
        assertThat(DurationSummary.rank(90, 1)).isEqualTo(1);
        assertThat(DurationSummary.rank(50, 3)).isEqualTo(2);
    }

    @Test
    void namesWhyADeadlinePassedFromWhatTheRecordShowsAtTheDeadline() {
        Instant deadline = Instant.parse("2026-11-04T09:00:00Z");
        Optional<Instant> before = Optional.of(deadline.minusSeconds(60));
        Optional<Instant> after = Optional.of(deadline.plusSeconds(60));
        assertThat(BreachReason.of(deadline, before, Optional.empty(), true))
                .isEqualTo(BreachReason.REMOVAL_DELIVERY_GIVEN_UP);
        assertThat(BreachReason.of(deadline, before, Optional.empty(), false))
                .isEqualTo(BreachReason.REMOVAL_NOT_CONFIRMED_IN_TIME);
        assertThat(BreachReason.of(deadline, Optional.of(deadline), Optional.empty(), false))
                .isEqualTo(BreachReason.REMOVAL_NOT_CONFIRMED_IN_TIME);
        assertThat(BreachReason.of(deadline, after, before, false))
                .isEqualTo(BreachReason.ESCALATED_NOT_DECIDED_IN_TIME);
        assertThat(BreachReason.of(deadline, Optional.empty(), after, false))
                .isEqualTo(BreachReason.NOT_DECIDED_IN_TIME);
        assertThat(BreachReason.of(deadline, Optional.empty(), Optional.empty(), false))
                .isEqualTo(BreachReason.NOT_DECIDED_IN_TIME);
    }

    @Test
    void quotesCsvFieldsThatHoldACommaAQuoteOrALineBreak() {
        var out = new StringWriter();
        new Csv(out).line("plain", "a,b", "say \"no\"", "two\nlines", 7);
        assertThat(out).hasToString("plain,\"a,b\",\"say \"\"no\"\"\",\"two\nlines\",7\r\n");
    }
}
