package org.redress.server.review;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facts of a case that a DSA statement of reasons states (the transparency module): how the
 * case came (origin and source), the most urgent reason reported, and the ground of its latest
 * restricting decision. Reads no personal field: no statement text, no moderator, no uploader, no
 * content id; changes nothing.
 */
@Component
public class ReviewCaseFacts {

    // The latest removal or referral is the decision a restriction of the case rests on.
    private static final String FACTS = """
            SELECT c.origin, c.source, c.reason, c.received_at,
                   (SELECT d.outcome FROM review_decision d
                     WHERE d.case_ref = c.case_ref AND d.outcome IN ('REMOVE', 'REFER')
                     ORDER BY d.decided_at DESC, d.id DESC LIMIT 1) AS outcome,
                   (SELECT d.basis FROM review_decision d
                     WHERE d.case_ref = c.case_ref AND d.outcome IN ('REMOVE', 'REFER')
                     ORDER BY d.decided_at DESC, d.id DESC LIMIT 1) AS basis
              FROM review_case c WHERE c.case_ref = :ref
            """;

    /**
     * What a case's statement of reasons rests on.
     *
     * @param receivedAt when the case came in: the content existed by then
     * @param reason the name of the case's most urgent report reason, for cases opened by reports that gave one
     * @param restriction {@code REMOVE} or {@code REFER}, once a moderator restricted the content
     * @param basis the ground of that decision
     */
    public record CaseFacts(
            Origin origin,
            Source source,
            Instant receivedAt,
            Optional<String> reason,
            Optional<Outcome> restriction,
            Optional<RemovalBasis> basis) {
        public CaseFacts {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(receivedAt, "receivedAt");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(restriction, "restriction");
            Objects.requireNonNull(basis, "basis");
        }
    }

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    ReviewCaseFacts(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** The facts of the case, if there is such a case. */
    public Optional<CaseFacts> of(String caseRef) {
        return jdbc.sql(FACTS)
                .param("ref", caseRef)
                .query((row, n) -> new CaseFacts(
                        Origin.valueOf(row.getString("origin")),
                        Source.valueOf(row.getString("source")),
                        Objects.requireNonNull(dialect.instant(row, "received_at")),
                        Optional.ofNullable(row.getString("reason")),
                        Optional.ofNullable(row.getString("outcome")).map(Outcome::valueOf),
                        Optional.ofNullable(row.getString("basis")).map(RemovalBasis::valueOf)))
                .optional();
    }
}
