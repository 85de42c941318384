package org.redress.server.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How an outbox hands its due rows to one sender at a time, on either database and across
 * replicas: a claim marks up to a batch of due rows with the claimant's token and a lease end, and
 * until the lease ends no other claim returns them. A sender that crashes loses nothing: its rows
 * come back when their leases run out. Recording an outcome is the owning module's statement,
 * which clears {@code claimed_by} and {@code claimed_until}; failures are retried after a
 * {@link Backoff}.
 *
 * <p>The outbox table belongs to the module that creates this (its name carries the module's
 * prefix, which {@code SqlOwnershipTests} checks) and has the columns {@code id},
 * {@code next_attempt_at}, {@code claimed_by} and {@code claimed_until}.
 */
public final class OutboxClaims {

    private static final Pattern TABLE = Pattern.compile("[a-z]+(_[a-z]+)+");

    // PostgreSQL: the rows are picked (and locked, SKIP LOCKED passing over rows another claim is
    // locking) once, in a MATERIALIZED common table expression, and only then updated. The earlier
    // form, UPDATE ... WHERE id IN (SELECT ... LIMIT n FOR UPDATE SKIP LOCKED), let the planner run
    // the subquery again for each outer row (a nested-loop semi-join); every rerun skipped the rows
    // this statement had just updated and picked the next ones, so one claim took far more than n.
    // The outer WHERE repeats the condition, so a row changed by another transaction meanwhile is
    // checked again on its newest version.
    private static final String CLAIM_POSTGRESQL = """
            WITH picked AS MATERIALIZED (
                SELECT id AS picked_id FROM %1$s
                 WHERE %2$s AND next_attempt_at <= :now
                   AND (claimed_until IS NULL OR claimed_until <= :now)
                 ORDER BY next_attempt_at, id
                 LIMIT :limit FOR UPDATE SKIP LOCKED)
            UPDATE %1$s SET claimed_by = :claimant, claimed_until = :until
              FROM picked
             WHERE id = picked.picked_id
               AND %2$s AND (claimed_until IS NULL OR claimed_until <= :now)
            """;

    // SQLite: the whole statement runs under the database's single write lock, and a subquery that
    // names no column of the outer statement is evaluated once, into a temporary table.
    private static final String CLAIM_SQLITE = """
            UPDATE %1$s SET claimed_by = :claimant, claimed_until = :until
             WHERE id IN (SELECT id FROM %1$s
                           WHERE %2$s AND next_attempt_at <= :now
                             AND (claimed_until IS NULL OR claimed_until <= :now)
                           ORDER BY next_attempt_at, id
                           LIMIT :limit)
               AND %2$s AND (claimed_until IS NULL OR claimed_until <= :now)
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final String claim;

    /**
     * @param table the owning module's outbox table, such as {@code intake_outbox}
     * @param unfinished the SQL condition of a row still to be sent (neither sent nor given up),
     *     over the table's own columns only
     */
    public OutboxClaims(JdbcClient jdbc, SqlDialect dialect, String table, String unfinished) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("an outbox table is named module_noun in lowercase letters");
        }
        if (unfinished.isBlank()) {
            throw new IllegalArgumentException("an outbox needs the condition of an unfinished row");
        }
        String template = dialect instanceof SqlDialect.Postgresql ? CLAIM_POSTGRESQL : CLAIM_SQLITE;
        this.claim = template.formatted(table, "(" + unfinished + ")");
    }

    /**
     * Claims up to {@code limit} unfinished rows that are due at {@code now} and that no one holds a
     * live claim on, oldest due first, until {@code until}. Never more than {@code limit} rows,
     * whatever plan the database picks, and two concurrent claims never get the same row. The
     * caller reads the claimed rows back by {@code claimed_by = claimant}.
     *
     * @param claimant the claim's token: unique per call
     * @return how many rows were claimed
     */
    public int claim(String claimant, Instant now, Instant until, int limit) {
        if (!until.isAfter(now)) {
            throw new IllegalArgumentException("a claim's lease must end after it starts");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("a claim takes at least one row: " + limit);
        }
        return jdbc.sql(claim)
                .param("claimant", claimant)
                .param("until", dialect.bind(until))
                .param("now", dialect.bind(now))
                .param("limit", limit)
                .update();
    }

    /**
     * How long an outbox waits before sending a failed row again: {@code initial} after the first
     * failure, doubling with each further failure, never longer than {@code max}.
     *
     * @param initial the wait after the first failure
     * @param max the longest wait
     */
    public record Backoff(Duration initial, Duration max) {

        public Backoff {
            Objects.requireNonNull(initial, "initial");
            Objects.requireNonNull(max, "max");
            if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("a backoff needs 0 < initial <= max");
            }
        }

        /**
         * The wait after {@code failures} failed attempts: {@code initial * 2^(failures-1)}, at most {@code max}.
         *
         * @param failures failed attempts so far, the latest included (at least 1)
         */
        public Duration after(int failures) {
            if (failures < 1) {
                throw new IllegalArgumentException("failures must be at least 1: " + failures);
            }
            Duration wait = initial;
            for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(max) > 0 ? max : wait;
        }
    }
}
