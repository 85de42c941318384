package org.redress.server.matching.exchange;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code matching_exchange} rows: each exchange's checkpoint, fetch lease and last results.
 * Every method commits on its own, so a lease is visible to other replicas at once and a fetch's
 * figures survive its failure.
 */
@Repository
@Transactional(propagation = Propagation.REQUIRES_NEW)
class ExchangeStates {

    /** What the status page shows of an exchange. */
    record State(
            String name,
            long checkpoint,
            Optional<Instant> lastFetchAt,
            Optional<Instant> lastSuccessAt,
            Optional<String> lastError,
            long recordsFetched,
            long entriesAdded,
            long entriesWithdrawn) {}

    /** What one fetch did. */
    record Tally(long records, long added, long withdrawn) {}

    private final JdbcClient jdbc;

    ExchangeStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the exchange's fetch lease for this owner until the given time, when no other replica
     * holds it (or its holder let it run out): true when this owner holds it now.
     */
    boolean lease(String name, String owner, Instant now, Instant until) {
        jdbc.sql("""
                INSERT INTO matching_exchange (name, checkpoint, lease_owner, lease_until, last_fetch_at,
                    last_success_at, last_error, records_fetched, entries_added, entries_withdrawn)
                VALUES (:name, 0, NULL, 0, 0, 0, NULL, 0, 0, 0)
                ON CONFLICT (name) DO NOTHING""").param("name", name).update();
        return jdbc.sql("""
                        UPDATE matching_exchange SET lease_owner = :owner, lease_until = :until
                        WHERE name = :name AND (lease_owner IS NULL OR lease_until < :now OR lease_owner = :owner)""")
                        .param("owner", owner)
                        .param("until", until.toEpochMilli())
                        .param("name", name)
                        .param("now", now.toEpochMilli())
                        .update()
                == 1;
    }

    void release(String name, String owner) {
        String sql = """
                UPDATE matching_exchange SET lease_owner = NULL, lease_until = 0
                WHERE name = :name AND lease_owner = :owner""";
        jdbc.sql(sql).param("name", name).param("owner", owner).update();
    }

    long checkpoint(String name) {
        return jdbc.sql("SELECT checkpoint FROM matching_exchange WHERE name = :name")
                .param("name", name)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** A complete fetch: the checkpoint moves on and the figures grow. */
    void succeeded(String name, long checkpoint, Instant at, Tally tally) {
        jdbc.sql("""
                UPDATE matching_exchange SET checkpoint = :checkpoint, last_fetch_at = :at, last_success_at = :at,
                    last_error = NULL, records_fetched = records_fetched + :records,
                    entries_added = entries_added + :added, entries_withdrawn = entries_withdrawn + :withdrawn
                WHERE name = :name""")
                .param("checkpoint", checkpoint)
                .param("at", at.toEpochMilli())
                .param("records", tally.records())
                .param("added", tally.added())
                .param("withdrawn", tally.withdrawn())
                .param("name", name)
                .update();
    }

    /** A failed fetch: the checkpoint stays, so the next fetch reads the same records again. */
    void failed(String name, Instant at, String error, Tally tally) {
        jdbc.sql("""
                UPDATE matching_exchange SET last_fetch_at = :at, last_error = :error,
                    records_fetched = records_fetched + :records, entries_added = entries_added + :added,
                    entries_withdrawn = entries_withdrawn + :withdrawn
                WHERE name = :name""")
                .param("at", at.toEpochMilli())
                .param("error", error)
                .param("records", tally.records())
                .param("added", tally.added())
                .param("withdrawn", tally.withdrawn())
                .param("name", name)
                .update();
    }

    Optional<State> find(String name) {
        return jdbc.sql("""
                        SELECT name, checkpoint, last_fetch_at, last_success_at, last_error, records_fetched,
                            entries_added, entries_withdrawn
                        FROM matching_exchange WHERE name = :name""")
                .param("name", name)
                .query((row, number) -> new State(
                        row.getString("name"),
                        row.getLong("checkpoint"),
                        instant(row.getLong("last_fetch_at")),
                        instant(row.getLong("last_success_at")),
                        Optional.ofNullable((@Nullable String) row.getString("last_error")),
                        row.getLong("records_fetched"),
                        row.getLong("entries_added"),
                        row.getLong("entries_withdrawn")))
                .optional();
    }

    private static Optional<Instant> instant(long millis) {
        return millis == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
