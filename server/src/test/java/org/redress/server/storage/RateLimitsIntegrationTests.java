package org.redress.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.MutableClock;
import org.redress.server.StorageContext;
import org.redress.server.TestDatabase;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rate limits kept in the database: a sliding window per subject on both databases, and one limit
 * for two application contexts (two replicas) on one PostgreSQL database even when they are asked
 * at the same moment.
 */
class RateLimitsIntegrationTests {

    private static RateLimits limits(ConfigurableApplicationContext context, MutableClock clock) {
        return new RateLimits(
                context.getBean(JdbcClient.class),
                context.getBean(SqlDialect.class),
                context.getBean(TransactionTemplate.class),
                context.getBean(DerivedKeys.class),
                clock);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void refusesUseOverTheLimitUntilTheWindowMoves(TestDatabase.Vendor vendor) {
        try (var database = TestDatabase.create(vendor);
                var context = StorageContext.open(database)) {
            var clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
            var limit = limits(context, clock).limit("test.submissions", 3, Duration.ofMinutes(10));
            assertThat(limit.tryAcquire("198.51.100.7", 1)).isTrue();
            clock.advance(Duration.ofMinutes(5));
            assertThat(limit.tryAcquire("198.51.100.7", 2)).isTrue();
            assertThat(limit.tryAcquire("198.51.100.7", 1)).isFalse();
            assertThat(limit.tryAcquire("203.0.113.9", 3)).as("another subject").isTrue();
            clock.advance(Duration.ofMinutes(5));
            assertThat(limit.tryAcquire("198.51.100.7", 2))
                    .as("the first use left the window, the next two did not")
                    .isFalse();
            assertThat(limit.tryAcquire("198.51.100.7", 1)).isTrue();
            assertThat(limit.tryAcquire("198.51.100.7", 4))
                    .as("more than the limit at once")
                    .isFalse();

            List<String> subjects = context.getBean(JdbcClient.class)
                    .sql("SELECT subject FROM storage_rate_use")
                    .query(String.class)
                    .list();
            assertThat(subjects)
                    .as("stored as keyed digests, never the address")
                    .isNotEmpty()
                    .allMatch(subject -> subject.matches("[0-9a-f]{64}"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void refusesAMalformedLimit(TestDatabase.Vendor vendor) {
        try (var database = TestDatabase.create(vendor);
                var context = StorageContext.open(database)) {
            var limits = context.getBean(RateLimits.class);
            assertThatThrownBy(() -> limits.limit("submissions", 3, Duration.ofMinutes(1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> limits.limit("test.submissions", 0, Duration.ofMinutes(1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> limits.limit("test.submissions", 1, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void twoReplicasAskedAtOnceGrantNoMoreThanTheOneLimit() throws Exception {
        TestDatabase.postgresUrlOrSkip();
        try (var database = TestDatabase.create(TestDatabase.Vendor.POSTGRESQL);
                var a = StorageContext.open(database);
                var b = StorageContext.open(database)) {
            var clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
            var onA = limits(a, clock).limit("test.submissions", 5, Duration.ofMinutes(10));
            var onB = limits(b, clock).limit("test.submissions", 5, Duration.ofMinutes(10));
            int askers = 16;
            var together = new CyclicBarrier(askers);
            List<Future<Boolean>> answers = new ArrayList<>();
            try (var threads = Executors.newFixedThreadPool(askers)) {
                for (int i = 0; i < askers; i++) {
                    var replica = i % 2 == 0 ? onA : onB;
                    answers.add(threads.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return replica.tryAcquire("192.0.2.44", 1);
                    }));
                }
                int granted = 0;
                for (var answer : answers) {
                    granted += answer.get() ? 1 : 0;
                }
                assertThat(granted).isEqualTo(5);
            }
            assertThat(onA.tryAcquire("192.0.2.44", 1)).isFalse();
            assertThat(onB.tryAcquire("192.0.2.44", 1)).isFalse();
            assertThat(onB.tryAcquire("192.0.2.45", 1)).isTrue();
        }
    }
}
