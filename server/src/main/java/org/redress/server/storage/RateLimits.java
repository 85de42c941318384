package org.redress.server.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rate limits counted in the database ({@code storage_rate_use}), so that every replica on one
 * database enforces one limit. A {@link Limit} allows at most so many units per subject (such as a
 * client address) in any sliding window. Subjects are stored as keyed digests only: HMAC-SHA256
 * under a key derived from the data key, so the table holds no address, and replicas that share
 * the data key (as they must, to read each other's encrypted fields) count alike.
 */
public final class RateLimits {

    private static final Pattern NAME = Pattern.compile("[a-z]+(\\.[a-z0-9-]+)+");

    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final TransactionTemplate transactions;
    private final byte[] subjectKey;
    private final Clock clock;

    public RateLimits(
            JdbcClient jdbc, SqlDialect dialect, TransactionTemplate transactions, DerivedKeys keys, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.subjectKey = keys.derive("storage.rate-limit-subjects.v1");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A limit of {@code units} per subject in any {@code window}.
     *
     * @param name the limit's name, prefixed with its module's ({@code intake.submissions})
     */
    public Limit limit(String name, int units, Duration window) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a limit is named module.noun in lowercase letters");
        }
        if (units < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a limit needs at least one unit in a positive window");
        }
        return new Limit(name, units, window);
    }

    /** A keyed digest of the subject: the same on every replica with the same data key. */
    String digest(String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(subjectKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** One limit; thread-safe. */
    public final class Limit {

        private final String name;
        private final int units;
        private final Duration window;
        private final AtomicLong prunedAt = new AtomicLong();

        private Limit(String name, int units, Duration window) {
            this.name = name;
            this.units = units;
            this.window = window;
        }

        /**
         * Counts {@code count} units for the subject when they fit within the limit; otherwise counts
         * nothing. Checking and counting are one transaction that holds the subject's lock (an
         * advisory lock on PostgreSQL, the write lock on SQLite), so two replicas cannot both take
         * the last unit.
         *
         * @return whether the units fit (and were counted)
         */
        public boolean tryAcquire(String subject, int count) {
            if (count < 1) {
                throw new IllegalArgumentException("at least one unit: " + count);
            }
            if (count > units) {
                return false;
            }
            String digest = digest(subject);
            Instant now = SqlDialect.truncate(clock.instant());
            Instant horizon = now.minus(window);
            pruneNowAndThen(now, horizon);
            Boolean fits = transactions.execute(status -> {
                dialect.serialize(jdbc, "rate:" + name + ":" + digest);
                long used = jdbc.sql("""
                                SELECT COALESCE(SUM(units), 0) FROM storage_rate_use
                                 WHERE limit_name = :name AND subject = :subject AND used_at > :horizon
                                """)
                        .param("name", name)
                        .param("subject", digest)
                        .param("horizon", dialect.bind(horizon))
                        .query(Long.class)
                        .single();
                if (used + count > units) {
                    return false;
                }
                jdbc.sql("""
                                INSERT INTO storage_rate_use (limit_name, subject, used_at, units)
                                VALUES (:name, :subject, :now, :units)
                                """)
                        .param("name", name)
                        .param("subject", digest)
                        .param("now", dialect.bind(now))
                        .param("units", count)
                        .update();
                return true;
            });
            return Boolean.TRUE.equals(fits);
        }

        /** Forgets the uses that left the window, at most once a minute per replica. */
        private void pruneNowAndThen(Instant now, Instant horizon) {
            long last = prunedAt.get();
            if (now.toEpochMilli() - last < PRUNE_EVERY.toMillis()
                    || !prunedAt.compareAndSet(last, now.toEpochMilli())) {
                return;
            }
            jdbc.sql("DELETE FROM storage_rate_use WHERE limit_name = :name AND used_at <= :horizon")
                    .param("name", name)
                    .param("horizon", dialect.bind(horizon))
                    .update();
        }

        @Override
        public String toString() {
            return "Limit[" + name + ", " + units + " per " + window + "]";
        }
    }
}
