package org.redress.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class OutboxClaimsTests {

    @Test
    void doublesTheWaitPerFailureUpToTheLongest() {
        var backoff = new OutboxClaims.Backoff(Duration.ofSeconds(30), Duration.ofHours(1));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(480));
        assertThat(backoff.after(8)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void waitsAsTheIntakeMailerAlwaysDidFromOneMinuteToSixHours() {
        var backoff = new OutboxClaims.Backoff(Duration.ofMinutes(1), Duration.ofHours(6));
        for (int attempts = 0; attempts < 64; attempts++) {
            long minutes = Math.min(360, 1L << Math.min(attempts, 9));
            assertThat(backoff.after(attempts + 1))
                    .as("after %d failed attempts", attempts)
                    .isEqualTo(Duration.ofMinutes(minutes));
        }
    }

    @Test
    void rejectsAWaitThatCannotGrowOrNoFailure() {
        assertThatThrownBy(() -> new OutboxClaims.Backoff(Duration.ZERO, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboxClaims.Backoff(Duration.ofHours(2), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        var backoff = new OutboxClaims.Backoff(Duration.ofMinutes(1), Duration.ofHours(1));
        assertThatThrownBy(() -> backoff.after(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void takesOnlyAModulePrefixedTableAndACondition() {
        var jdbc = JdbcClient.create(new SimpleDriverDataSource());
        var dialect = new SqlDialect.Sqlite();
        assertThatThrownBy(() -> new OutboxClaims(jdbc, dialect, "outbox; DROP TABLE x", "sent_at IS NULL"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboxClaims(jdbc, dialect, "outbox", "sent_at IS NULL"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboxClaims(jdbc, dialect, "intake_outbox", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
