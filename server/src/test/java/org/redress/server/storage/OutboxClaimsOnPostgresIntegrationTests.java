package org.redress.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redress.server.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link OutboxClaims} on PostgreSQL, with claimers racing each other: a claim never takes more rows
 * than its limit and no row goes to two claims, under the plan PostgreSQL picks by itself and under a
 * nested-loop plan that reruns the row-picking subquery for each outer row (the planner settings
 * below only make that plan the cheapest; PostgreSQL can pick it by itself from a table's
 * statistics). With the earlier {@code UPDATE ... WHERE id IN (SELECT ... LIMIT n FOR UPDATE SKIP
 * LOCKED)} the second case claimed 23 rows for a limit of 2.
 */
class OutboxClaimsOnPostgresIntegrationTests {

    private static final int ROWS = 400;
    private static final int LIMIT = 2;
    private static final int CLAIMERS = 6;

    /** Planner settings under which the cheapest plan rescans the subquery once per outbox row. */
    private static final String RESCANNING_PLAN = "SET enable_hashjoin = off; SET enable_mergejoin = off; "
            + "SET enable_material = off; SET enable_hashagg = off; SET enable_sort = off";

    @ParameterizedTest(name = "{0} plan")
    @ValueSource(strings = {"default", "rescanning"})
    void neverClaimsPastTheLimitNorOneRowTwice(String plan) throws Exception {
        TestDatabase.postgresUrlOrSkip();
        try (var database = TestDatabase.create(TestDatabase.Vendor.POSTGRESQL);
                var pool = pool(database, plan.equals("rescanning"))) {
            var jdbc = JdbcClient.create(pool);
            jdbc.sql("""
                            CREATE TABLE storage_test_outbox (
                                id TEXT PRIMARY KEY, next_attempt_at TIMESTAMPTZ NOT NULL,
                                claimed_by TEXT, claimed_until TIMESTAMPTZ, sent_at TIMESTAMPTZ)
                            """).update();
            jdbc.sql("CREATE INDEX storage_test_outbox_due ON storage_test_outbox (next_attempt_at, id)")
                    .update();
            jdbc.sql("""
                            INSERT INTO storage_test_outbox (id, next_attempt_at)
                            SELECT 'row-' || n, now() - interval '1 hour' FROM generate_series(1, :rows) AS n
                            """).param("rows", ROWS).update();
            jdbc.sql("ANALYZE storage_test_outbox").update();
            var dialect = new SqlDialect.Postgresql();
            var claims = new OutboxClaims(jdbc, dialect, "storage_test_outbox", "sent_at IS NULL");

            Map<String, String> claimedBy = new ConcurrentHashMap<>();
            List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
            var largest = new AtomicInteger();
            try (var threads = Executors.newFixedThreadPool(CLAIMERS)) {
                List<Future<?>> claimers = new ArrayList<>();
                for (int c = 0; c < CLAIMERS; c++) {
                    claimers.add(threads.submit(() -> {
                        while (claimedBy.size() < ROWS && problems.isEmpty()) {
                            String claimant = UUID.randomUUID().toString();
                            Instant now = Instant.now();
                            int claimed = claims.claim(claimant, now, now.plus(Duration.ofMinutes(5)), LIMIT);
                            List<String> ids = jdbc.sql("SELECT id FROM storage_test_outbox WHERE claimed_by = :c")
                                    .param("c", claimant)
                                    .query(String.class)
                                    .list();
                            largest.accumulateAndGet(claimed, Math::max);
                            if (claimed > LIMIT || ids.size() != claimed) {
                                problems.add(claimant + " claimed " + claimed + " rows, holds " + ids.size());
                            }
                            for (String id : ids) {
                                String earlier = claimedBy.putIfAbsent(id, claimant);
                                if (earlier != null) {
                                    problems.add(id + " went to " + earlier + " and " + claimant);
                                }
                                jdbc.sql("""
                                                UPDATE storage_test_outbox SET sent_at = now(),
                                                       claimed_by = NULL, claimed_until = NULL WHERE id = :id
                                                """).param("id", id).update();
                            }
                        }
                        return null;
                    }));
                }
                for (var claimer : claimers) {
                    claimer.get();
                }
            }
            assertThat(problems).isEmpty();
            assertThat(largest.get()).isBetween(1, LIMIT);
            assertThat(claimedBy).hasSize(ROWS);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM storage_test_outbox WHERE sent_at IS NULL")
                            .query(Integer.class)
                            .single())
                    .isZero();
        }
    }

    private static HikariDataSource pool(TestDatabase database, boolean rescanning) {
        var config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setMaximumPoolSize(CLAIMERS + 1);
        if (rescanning) {
            config.setConnectionInitSql(RESCANNING_PLAN);
        }
        return new HikariDataSource(config);
    }
}
