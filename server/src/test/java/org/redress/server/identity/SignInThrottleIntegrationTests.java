package org.redress.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.MutableClock;
import org.redress.server.StorageContext;
import org.redress.server.TestDatabase;
import org.redress.server.identity.security.SignInThrottle;
import org.redress.server.storage.DerivedKeys;
import org.redress.server.storage.SqlDialect;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sign-in throttle on both databases, and on two application contexts (two replicas) on one
 * PostgreSQL database: failures counted by one replica slow attempts on the other.
 */
class SignInThrottleIntegrationTests {

    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    private static SignInThrottle throttle(ConfigurableApplicationContext context, MutableClock clock) {
        return new SignInThrottle(
                context.getBean(JdbcClient.class),
                context.getBean(SqlDialect.class),
                context.getBean(DerivedKeys.class),
                clock);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void slowsRepeatedFailuresFromOneAddressWithGrowingDelays(TestDatabase.Vendor vendor) {
        try (var database = TestDatabase.create(vendor);
                var context = StorageContext.open(database)) {
            var clock = new MutableClock(START);
            var throttle = throttle(context, clock);
            for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
                assertThat(throttle.blocked("bob", "10.0.0.1")).isFalse();
                throttle.failed("Bob", "10.0.0.1");
            }
            assertThat(throttle.blocked("BOB", "10.0.0.1")).isTrue();
            clock.advance(Duration.ofSeconds(1));
            assertThat(throttle.blocked("bob", "10.0.0.1")).isFalse();
            throttle.failed("bob", "10.0.0.1");
            clock.advance(Duration.ofSeconds(1));
            assertThat(throttle.blocked("bob", "10.0.0.1"))
                    .as("two seconds after the fourth failure")
                    .isTrue();
            clock.advance(Duration.ofSeconds(1));
            assertThat(throttle.blocked("bob", "10.0.0.1")).isFalse();
            assertThat(throttle.blocked("carol", "10.0.0.1")).isFalse();

            throttle.succeeded("bob", "10.0.0.1");
            for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS - 1; i++) {
                throttle.failed("bob", "10.0.0.1");
            }
            assertThat(throttle.blocked("bob", "10.0.0.1"))
                    .as("a success starts the account's count again")
                    .isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void letsTheOwnerInFromAnotherAddressAndSlowsAnAddressTryingManyAccounts(TestDatabase.Vendor vendor) {
        try (var database = TestDatabase.create(vendor);
                var context = StorageContext.open(database)) {
            var throttle = throttle(context, new MutableClock(START));
            for (int i = 0; i < 15; i++) {
                throttle.failed("bob", "203.0.113.9");
            }
            assertThat(throttle.blocked("bob", "203.0.113.9")).isTrue();
            assertThat(throttle.blocked("bob", "198.51.100.7")).isFalse();

            for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
                throttle.failed("user" + i, "10.9.9.9");
            }
            assertThat(throttle.blocked("someone-new", "10.9.9.9")).isTrue();
            assertThat(throttle.blocked("someone-new", "10.9.9.8")).isFalse();
            List<String> counters = context.getBean(JdbcClient.class)
                    .sql("SELECT counter FROM identity_sign_in_failure")
                    .query(String.class)
                    .list();
            assertThat(counters)
                    .as("stored as keyed digests, never names or addresses")
                    .isNotEmpty()
                    .allMatch(counter -> counter.matches("[0-9a-f]{64}"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void capsTheDelayAndForgetsAfterTheWindow(TestDatabase.Vendor vendor) {
        assertThat(SignInThrottle.delayAfter(2, 3)).isZero();
        assertThat(SignInThrottle.delayAfter(3, 3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SignInThrottle.delayAfter(6, 3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(SignInThrottle.delayAfter(40, 3)).isEqualTo(SignInThrottle.MAX_DELAY);
        try (var database = TestDatabase.create(vendor);
                var context = StorageContext.open(database)) {
            var clock = new MutableClock(START);
            var throttle = throttle(context, clock);
            for (int i = 0; i < 30; i++) {
                throttle.failed("bob", "10.0.0.1");
            }
            assertThat(throttle.blocked("bob", "10.0.0.1")).isTrue();
            clock.advance(SignInThrottle.WINDOW);
            assertThat(throttle.blocked("bob", "10.0.0.1")).isFalse();
            throttle.failed("bob", "10.0.0.1");
            assertThat(throttle.blocked("bob", "10.0.0.1"))
                    .as("a failure after the window counts from one again")
                    .isFalse();
        }
    }

    @Test
    void twoReplicasOnOnePostgresqlDatabaseCountFailuresTogether() throws Exception {
        TestDatabase.postgresUrlOrSkip();
        try (var database = TestDatabase.create(TestDatabase.Vendor.POSTGRESQL);
                var a = StorageContext.open(database);
                var b = StorageContext.open(database)) {
            var clock = new MutableClock(START);
            var onA = throttle(a, clock);
            var onB = throttle(b, clock);

            // One account from one address, its failures sent to alternate replicas.
            onA.failed("dana", "192.0.2.10");
            onB.failed("dana", "192.0.2.10");
            assertThat(onA.blocked("dana", "192.0.2.10")).isFalse();
            onA.failed("dana", "192.0.2.10");
            assertThat(onB.blocked("dana", "192.0.2.10")).isTrue();
            assertThat(onA.blocked("dana", "192.0.2.10")).isTrue();

            // Failures at the same moment on both replicas are all counted: one short of the
            // address's free failures lets it through, the last one slows it on both.
            int free = SignInThrottle.FREE_FAILURES_PER_ADDRESS;
            try (var threads = Executors.newFixedThreadPool(8)) {
                List<Future<?>> failures = new ArrayList<>();
                for (int i = 0; i < free - 1; i++) {
                    var replica = i % 2 == 0 ? onA : onB;
                    String account = "account-" + i;
                    failures.add(threads.submit(() -> replica.failed(account, "192.0.2.77")));
                }
                for (var failure : failures) {
                    failure.get();
                }
            }
            assertThat(onA.blocked("someone-new", "192.0.2.77")).isFalse();
            assertThat(onB.blocked("someone-new", "192.0.2.77")).isFalse();
            onB.failed("account-last", "192.0.2.77");
            assertThat(onA.blocked("someone-new", "192.0.2.77")).isTrue();
            assertThat(onB.blocked("someone-new", "192.0.2.77")).isTrue();
        }
    }
}
