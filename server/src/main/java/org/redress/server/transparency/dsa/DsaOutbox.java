package org.redress.server.transparency.dsa;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redress.server.storage.OutboxClaims;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox of DSA statements (table {@code transparency_dsa_statement}), keyed by puid: queueing
 * a statement twice keeps the first, a sent statement is never due again, and claims are leased
 * ({@link OutboxClaims}) so two replicas never send the same statement at once.
 */
@Repository
class DsaOutbox {

    private static final String UNSENT = "sent_at IS NULL";

    /**
     * A claimed statement.
     *
     * @param puid the statement's platform-unique id
     * @param body the statement as JSON
     * @param attempts how many attempts failed before this one
     */
    record Due(String puid, String body, int attempts) {
        Due {
            Objects.requireNonNull(puid, "puid");
            Objects.requireNonNull(body, "body");
        }
    }

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final OutboxClaims claims;

    DsaOutbox(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.claims = new OutboxClaims(jdbc, dialect, "transparency_dsa_statement", UNSENT);
    }

    /** Queues a statement, due at once, unless one with its puid is queued already; true when queued. */
    boolean queue(String puid, String body, Instant restrictedAt, Instant now) {
        return jdbc.sql("""
                        INSERT INTO transparency_dsa_statement
                               (id, body, restricted_at, queued_at, attempts, next_attempt_at)
                        VALUES (:id, :body, :restricted, :now, 0, :now)
                        ON CONFLICT (id) DO NOTHING
                        """)
                        .param("id", puid)
                        .param("body", body)
                        .param("restricted", dialect.bind(restrictedAt))
                        .param("now", dialect.bind(now))
                        .update()
                == 1;
    }

    /** Claims up to {@code limit} due statements for {@code lease}, oldest due first. */
    List<Due> claim(Instant now, Duration lease, int limit) {
        String claimant = UUID.randomUUID().toString();
        if (claims.claim(claimant, now, now.plus(lease), limit) == 0) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, body, attempts FROM transparency_dsa_statement
                 WHERE claimed_by = :claimant ORDER BY next_attempt_at, id
                """)
                .param("claimant", claimant)
                .query((row, n) -> new Due(row.getString("id"), row.getString("body"), row.getInt("attempts")))
                .list();
    }

    /** Records statements the Database holds now: taken by this call, or already there. */
    void sent(Collection<String> puids, int status, Instant at) {
        for (String puid : puids) {
            jdbc.sql("""
                    UPDATE transparency_dsa_statement
                       SET sent_at = :at, last_status = :status, last_error = NULL,
                           claimed_by = NULL, claimed_until = NULL
                     WHERE id = :id AND sent_at IS NULL
                    """)
                    .param("id", puid)
                    .param("status", status)
                    .param("at", dialect.bind(at))
                    .update();
        }
    }

    /** Records a failed attempt; the statements come back at {@code next}. */
    void retryLater(Collection<String> puids, @Nullable Integer status, String error, Instant next) {
        for (String puid : puids) {
            jdbc.sql("""
                    UPDATE transparency_dsa_statement
                       SET attempts = attempts + 1, last_status = :status, last_error = :error,
                           next_attempt_at = :next, claimed_by = NULL, claimed_until = NULL
                     WHERE id = :id AND sent_at IS NULL
                    """)
                    .param("id", puid)
                    .param("status", status)
                    .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                    .param("next", dialect.bind(next))
                    .update();
        }
    }

    /** How far restrictions have been collected, if ever. */
    Optional<Instant> collectedUntil() {
        return jdbc.sql("SELECT collected_until FROM transparency_dsa_collector WHERE id = 1")
                .query((row, n) -> Objects.requireNonNull(dialect.instant(row, "collected_until")))
                .optional();
    }

    void collected(Instant until) {
        if (jdbc.sql("UPDATE transparency_dsa_collector SET collected_until = :until WHERE id = 1")
                        .param("until", dialect.bind(until))
                        .update()
                == 0) {
            jdbc.sql("INSERT INTO transparency_dsa_collector (id, collected_until) VALUES (1, :until)")
                    .param("until", dialect.bind(until))
                    .update();
        }
    }

    /** Counts by state, for tests and the figures: statements queued, and of those sent. */
    record Counts(long queued, long sent) {}

    Counts counts() {
        return jdbc.sql("SELECT COUNT(*) AS queued, COUNT(sent_at) AS sent FROM transparency_dsa_statement")
                .query((row, n) -> new Counts(row.getLong("queued"), row.getLong("sent")))
                .single();
    }
}
