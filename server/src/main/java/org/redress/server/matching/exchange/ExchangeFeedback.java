package org.redress.server.matching.exchange;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code matching_exchange_feedback} outbox. A row is written in the transaction of what
 * caused it (a match, a moderator's confirmation or release) and its key is (hash, feedback), so
 * the same feedback on the same hash is owed, and sent, once.
 */
@Repository
class ExchangeFeedback {

    /** One feedback owed. */
    record Owed(String hashValue, String feedback, String signalType, int attempts) {}

    private final JdbcClient jdbc;

    ExchangeFeedback(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Owes this feedback unless it is owed or sent already; joins the caller's transaction. */
    void owe(String hashValue, String feedback, String signalType, Instant now) {
        jdbc.sql("""
                INSERT INTO matching_exchange_feedback
                    (hash_value, feedback, signal_type, created_at, sent_at, attempts, next_attempt_at)
                VALUES (:hash, :feedback, :type, :now, 0, 0, 0)
                ON CONFLICT (hash_value, feedback) DO NOTHING""")
                .param("hash", hashValue)
                .param("feedback", feedback)
                .param("type", signalType)
                .param("now", now.toEpochMilli())
                .update();
    }

    List<Owed> due(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT hash_value, feedback, signal_type, attempts FROM matching_exchange_feedback
                        WHERE sent_at = 0 AND next_attempt_at <= :now
                        ORDER BY created_at, hash_value LIMIT :limit""")
                .param("now", now.toEpochMilli())
                .param("limit", limit)
                .query((row, number) -> new Owed(
                        row.getString("hash_value"),
                        row.getString("feedback"),
                        row.getString("signal_type"),
                        row.getInt("attempts")))
                .list();
    }

    void sent(Owed owed, Instant at) {
        jdbc.sql("""
                        UPDATE matching_exchange_feedback SET sent_at = :at, attempts = attempts + 1
                        WHERE hash_value = :hash AND feedback = :feedback""")
                .param("at", at.toEpochMilli())
                .param("hash", owed.hashValue())
                .param("feedback", owed.feedback())
                .update();
    }

    void failed(Owed owed, Instant nextAttempt) {
        jdbc.sql("""
                        UPDATE matching_exchange_feedback SET attempts = attempts + 1, next_attempt_at = :next
                        WHERE hash_value = :hash AND feedback = :feedback""")
                .param("next", nextAttempt.toEpochMilli())
                .param("hash", owed.hashValue())
                .param("feedback", owed.feedback())
                .update();
    }

    /** Feedback not yet acknowledged by StopNCII. */
    long owedCount() {
        return jdbc.sql("SELECT COUNT(*) FROM matching_exchange_feedback WHERE sent_at = 0")
                .query(Long.class)
                .single();
    }

    /** Feedback StopNCII acknowledged. */
    long sentCount() {
        return jdbc.sql("SELECT COUNT(*) FROM matching_exchange_feedback WHERE sent_at > 0")
                .query(Long.class)
                .single();
    }
}
