package org.redress.server.review;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only: the removal requests of a period as a regulator reads them (the FTC under the TAKE IT
 * DOWN Act, Ofcom under s.10(3A)): one row per reported case, by its receipt, with its deadline,
 * the last decision that settled it, the platform's confirmed removal and where the case stands.
 * Reads no personal field and changes nothing; rows are handed over as they are read, {@code
 * fetchSize} at a time, for the transparency module's streamed export.
 */
@Component
public class RemovalRequestLog {

    private static final String REQUESTS = """
            SELECT c.case_ref, c.source, c.state, c.received_at, c.deadline, c.removed_at, c.breached_at,
                   (SELECT d.outcome FROM review_decision d
                     WHERE d.case_ref = c.case_ref AND d.outcome <> 'ESCALATE'
                     ORDER BY d.decided_at DESC, d.id DESC LIMIT 1) AS outcome,
                   (SELECT MAX(d.decided_at) FROM review_decision d
                     WHERE d.case_ref = c.case_ref AND d.outcome <> 'ESCALATE') AS decided_at
              FROM review_case c
             WHERE c.origin = 'REPORT' AND c.received_at >= :since AND c.received_at < :until
             ORDER BY c.received_at, c.case_ref
            """;

    /**
     * One removal request (a reported case).
     *
     * @param decision the last decision that settled the case, escalations aside
     * @param removedAt when the platform confirmed the removal of every item
     * @param breachedAt when the deadline sweep found the deadline passed with the clock running
     */
    public record RemovalRequest(
            String caseRef,
            Source source,
            ReviewState state,
            Instant receivedAt,
            Instant deadline,
            Optional<Outcome> decision,
            Optional<Instant> decidedAt,
            Optional<Instant> removedAt,
            Optional<Instant> breachedAt) {}

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    RemovalRequestLog(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Reported cases received in the period ({@code from} included, {@code until} not), oldest first. */
    public void each(Instant from, Instant until, int fetchSize, Consumer<RemovalRequest> each) {
        jdbc.sql(REQUESTS)
                .withFetchSize(fetchSize)
                .param("since", dialect.bind(from))
                .param("until", dialect.bind(until))
                .query(row -> {
                    @Nullable String outcome = row.getString("outcome");
                    each.accept(new RemovalRequest(
                            row.getString("case_ref"),
                            Source.valueOf(row.getString("source")),
                            ReviewState.valueOf(row.getString("state")),
                            Objects.requireNonNull(dialect.instant(row, "received_at")),
                            Objects.requireNonNull(dialect.instant(row, "deadline")),
                            Optional.ofNullable(outcome).map(Outcome::valueOf),
                            Optional.ofNullable(dialect.instant(row, "decided_at")),
                            Optional.ofNullable(dialect.instant(row, "removed_at")),
                            Optional.ofNullable(dialect.instant(row, "breached_at"))));
                });
    }
}
