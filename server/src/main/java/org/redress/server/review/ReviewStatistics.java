package org.redress.server.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only facts from review's record for accountability reporting (the transparency module):
 * first actions, confirmed removals, breaches, decisions, matches and appeals of a period. Reads no
 * personal field (no statement text, no uploader, no moderator's name) and changes nothing.
 * Periods are half-open: {@code from} included, {@code until} excluded. The {@code each...}
 * methods hand rows over as they are read, {@code fetchSize} at a time, so that a caller can
 * aggregate or export a year of rows in bounded memory; on PostgreSQL the caller's transaction
 * makes that a server-side cursor.
 */
@Component
public class ReviewStatistics {

    private static final String FIRST_ACTIONS = """
            SELECT c.source, c.received_at, f.first_at
              FROM review_case c
              JOIN (SELECT case_ref, MIN(decided_at) AS first_at FROM review_decision GROUP BY case_ref) f
                ON f.case_ref = c.case_ref
             WHERE c.origin <> 'APPEAL' AND f.first_at >= :since AND f.first_at < :until
            """;

    private static final String REMOVALS = """
            SELECT c.case_ref, c.origin, c.source, c.received_at, c.deadline, t.removed_at,
                   (SELECT MIN(m.bank) FROM review_match m
                     WHERE m.case_ref = t.case_ref AND m.content_id = t.content_id) AS bank
              FROM review_content t JOIN review_case c ON c.case_ref = t.case_ref
             WHERE c.origin <> 'APPEAL' AND t.removed_at >= :since AND t.removed_at < :until
            """;

    private static final String BREACHES = """
            SELECT c.case_ref, c.origin, c.source, c.received_at, c.deadline, c.breached_at, c.removed_at,
                   (SELECT MIN(d.decided_at) FROM review_decision d
                     WHERE d.case_ref = c.case_ref AND d.outcome <> 'ESCALATE') AS decided_at,
                   (SELECT MIN(d.decided_at) FROM review_decision d
                     WHERE d.case_ref = c.case_ref AND d.outcome = 'ESCALATE') AS escalated_at,
                   (SELECT COUNT(*) FROM review_history h
                     WHERE h.case_ref = c.case_ref AND h.what = 'DELIVERY_GIVEN_UP') AS given_up
              FROM review_case c
             WHERE c.breached_at >= :since AND c.breached_at < :until
             ORDER BY c.breached_at, c.case_ref
            """;

    private static final String CASES_OPENED = """
            SELECT origin, source, COUNT(*) AS n FROM review_case
             WHERE received_at >= :since AND received_at < :until
             GROUP BY origin, source ORDER BY origin, source
            """;

    private static final String DECISIONS = """
            SELECT c.origin, d.outcome, COUNT(*) AS n
              FROM review_decision d JOIN review_case c ON c.case_ref = d.case_ref
             WHERE d.decided_at >= :since AND d.decided_at < :until
             GROUP BY c.origin, d.outcome ORDER BY c.origin, d.outcome
            """;

    private static final String COMPLAINTS = """
            SELECT type, COALESCE(outcome, 'UNANSWERED') AS outcome, COUNT(*) AS n
              FROM review_complaint
             WHERE received_at >= :since AND received_at < :until
             GROUP BY type, COALESCE(outcome, 'UNANSWERED') ORDER BY 1, 2
            """;

    private static final String MATCHES_BY_BANK = """
            SELECT bank,
                   COUNT(DISTINCT CASE WHEN retroactive THEN NULL ELSE content_id END) AS at_upload,
                   COUNT(DISTINCT CASE WHEN retroactive THEN content_id END) AS retroactive
              FROM review_match WHERE found_at >= :since AND found_at < :until
             GROUP BY bank ORDER BY bank
            """;

    private static final String RETROACTIVE_COPIES = """
            SELECT COUNT(DISTINCT content_id) FROM review_match
             WHERE retroactive AND found_at >= :since AND found_at < :until
            """;

    private static final String APPEALS_RECEIVED = """
            SELECT COUNT(*) FROM review_appeal WHERE received_at >= :since AND received_at < :until
            """;

    private static final String APPEALS_DECIDED = """
            SELECT outcome, received_at, decided_at FROM review_appeal
             WHERE decided_at >= :since AND decided_at < :until
            """;

    private static final String EACH_DECISION = """
            SELECT d.id, d.case_ref, c.origin, c.source, d.outcome, d.basis, d.reason_code, d.decided_at,
                   c.received_at, c.deadline
              FROM review_decision d JOIN review_case c ON c.case_ref = d.case_ref
             WHERE d.decided_at >= :since AND d.decided_at < :until
             ORDER BY d.decided_at, d.id
            """;

    private static final String SETTLING = """
            SELECT case_ref, outcome, decided_at FROM review_decision
             WHERE case_ref IN (:refs) AND outcome IN ('REMOVE', 'REFER', 'NO_VIOLATION')
             ORDER BY case_ref, decided_at, id
            """;

    /** Case references asked about per statement, well under either database's limit on parameters. */
    private static final int REFS_PER_QUERY = 500;

    /**
     * A decision on a case's content: removed ({@code REMOVE}, {@code REFER}) or found no violation.
     * Escalations and lifted deadlines decide nothing about the content, and appeals are cases of their own.
     */
    public record Settled(String caseRef, Outcome outcome, Instant decidedAt) {

        /** Whether the content was acted on (removed). */
        public boolean removed() {
            return outcome == Outcome.REMOVE || outcome == Outcome.REFER;
        }
    }

    /** A case's first decision of any kind (escalations included), measured from its receipt. */
    public record FirstAction(Source source, Instant receivedAt, Instant firstDecidedAt) {}

    /**
     * One content item whose removal the platform confirmed.
     *
     * @param bank the bank a match of the item was found in (the first by name), for matched items
     */
    public record Removal(
            String caseRef,
            Origin origin,
            Source source,
            Instant receivedAt,
            Instant deadline,
            Instant removedAt,
            Optional<String> bank) {}

    /**
     * A case whose deadline passed with its clock running, as the deadline sweep recorded it.
     *
     * @param decidedAt the first decision other than an escalation
     * @param escalatedAt the first escalation
     * @param removedAt when the platform confirmed every removal
     * @param deliveryGivenUp whether a removal webhook was given up
     */
    public record Breach(
            String caseRef,
            Origin origin,
            Source source,
            Instant receivedAt,
            Instant deadline,
            Instant breachedAt,
            Optional<Instant> decidedAt,
            Optional<Instant> escalatedAt,
            Optional<Instant> removedAt,
            boolean deliveryGivenUp) {}

    /** Cases opened in a period by one origin and source. */
    public record CaseCount(Origin origin, Source source, long cases) {}

    /** Decisions taken by people in a period, per origin of their case and outcome. */
    public record DecisionCount(Origin origin, Outcome outcome, long decisions) {}

    /** Complaints of one type received in the period with one outcome, {@code UNANSWERED} while open. */
    public record ComplaintCount(String type, String outcome, long complaints) {}

    /** Distinct content items a bank matched in a period, at upload and by retroactive scans. */
    public record BankMatches(String bank, long atUpload, long retroactive) {}

    /** An appeal decided, with its outcome ({@code UPHOLD} or {@code REVERSE}). */
    public record AppealDecided(Outcome outcome, Instant receivedAt, Instant decidedAt) {}

    /** One decision a moderator took, for a per-decision export; no name and no free text. */
    public record DecisionRow(
            String id,
            String caseRef,
            Origin origin,
            Source source,
            Outcome outcome,
            Optional<String> basis,
            Optional<String> reasonCode,
            Instant decidedAt,
            Instant caseReceivedAt,
            Instant caseDeadline) {}

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    ReviewStatistics(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** The decisions on the content of these cases, per case oldest first, whenever taken. */
    public List<Settled> settlingDecisions(java.util.Collection<String> caseRefs) {
        List<String> refs = List.copyOf(new java.util.TreeSet<>(caseRefs));
        List<Settled> settled = new java.util.ArrayList<>();
        for (int i = 0; i < refs.size(); i += REFS_PER_QUERY) {
            settled.addAll(jdbc.sql(SETTLING)
                    .param("refs", refs.subList(i, Math.min(refs.size(), i + REFS_PER_QUERY)))
                    .query((row, n) -> new Settled(
                            row.getString("case_ref"),
                            Outcome.valueOf(row.getString("outcome")),
                            Objects.requireNonNull(dialect.instant(row, "decided_at"))))
                    .list());
        }
        return settled;
    }

    /** Cases (appeals aside) whose first decision was taken in the period. */
    public void eachFirstAction(Instant from, Instant until, int fetchSize, Consumer<FirstAction> each) {
        stream(
                FIRST_ACTIONS,
                from,
                until,
                fetchSize,
                row -> each.accept(new FirstAction(
                        Source.valueOf(row.getString("source")), at(row, "received_at"), at(row, "first_at"))));
    }

    /** Content items (appeals aside) whose removal the platform confirmed in the period. */
    public void eachRemoval(Instant from, Instant until, int fetchSize, Consumer<Removal> each) {
        stream(
                REMOVALS,
                from,
                until,
                fetchSize,
                row -> each.accept(new Removal(
                        row.getString("case_ref"),
                        Origin.valueOf(row.getString("origin")),
                        Source.valueOf(row.getString("source")),
                        at(row, "received_at"),
                        at(row, "deadline"),
                        at(row, "removed_at"),
                        Optional.ofNullable(row.getString("bank")))));
    }

    /** Cases whose breach the deadline sweep recorded in the period, oldest first. */
    public List<Breach> breaches(Instant from, Instant until) {
        return jdbc.sql(BREACHES)
                .param("since", dialect.bind(from))
                .param("until", dialect.bind(until))
                .query((row, n) -> new Breach(
                        row.getString("case_ref"),
                        Origin.valueOf(row.getString("origin")),
                        Source.valueOf(row.getString("source")),
                        at(row, "received_at"),
                        at(row, "deadline"),
                        at(row, "breached_at"),
                        Optional.ofNullable(dialect.instant(row, "decided_at")),
                        Optional.ofNullable(dialect.instant(row, "escalated_at")),
                        Optional.ofNullable(dialect.instant(row, "removed_at")),
                        row.getLong("given_up") > 0))
                .list();
    }

    public List<CaseCount> casesOpened(Instant from, Instant until) {
        return jdbc.sql(CASES_OPENED)
                .param("since", dialect.bind(from))
                .param("until", dialect.bind(until))
                .query((row, n) -> new CaseCount(
                        Origin.valueOf(row.getString("origin")),
                        Source.valueOf(row.getString("source")),
                        row.getLong("n")))
                .list();
    }

    public List<DecisionCount> decisions(Instant from, Instant until) {
        return jdbc.sql(DECISIONS)
                .param("since", dialect.bind(from))
                .param("until", dialect.bind(until))
                .query((row, n) -> new DecisionCount(
                        Origin.valueOf(row.getString("origin")),
                        Outcome.valueOf(row.getString("outcome")),
                        row.getLong("n")))
                .list();
    }

    /** Every complaint received in the period (reporters' and uploaders'), by type and outcome. */
    public List<ComplaintCount> complaints(Instant from, Instant until) {
        return jdbc.sql(COMPLAINTS)
                .param("since", dialect.bind(from))
                .param("until", dialect.bind(until))
                .query((row, n) ->
                        new ComplaintCount(row.getString("type"), row.getString("outcome"), row.getLong("n")))
                .list();
    }

    public List<BankMatches> matchesByBank(Instant from, Instant until) {
        return jdbc.sql(MATCHES_BY_BANK)
                .param("since", dialect.bind(from))
                .param("until", dialect.bind(until))
                .query((row, n) ->
                        new BankMatches(row.getString("bank"), row.getLong("at_upload"), row.getLong("retroactive")))
                .list();
    }

    /** Distinct content items retroactive scans found in the period. */
    public long retroactiveCopies(Instant from, Instant until) {
        return count(RETROACTIVE_COPIES, from, until);
    }

    public long appealsReceived(Instant from, Instant until) {
        return count(APPEALS_RECEIVED, from, until);
    }

    /** Appeals decided in the period. */
    public void eachAppealDecided(Instant from, Instant until, int fetchSize, Consumer<AppealDecided> each) {
        stream(
                APPEALS_DECIDED,
                from,
                until,
                fetchSize,
                row -> each.accept(new AppealDecided(
                        Outcome.valueOf(row.getString("outcome")), at(row, "received_at"), at(row, "decided_at"))));
    }

    /** Every decision taken in the period, oldest first. */
    public void eachDecision(Instant from, Instant until, int fetchSize, Consumer<DecisionRow> each) {
        stream(
                EACH_DECISION,
                from,
                until,
                fetchSize,
                row -> each.accept(new DecisionRow(
                        row.getString("id"),
                        row.getString("case_ref"),
                        Origin.valueOf(row.getString("origin")),
                        Source.valueOf(row.getString("source")),
                        Outcome.valueOf(row.getString("outcome")),
                        Optional.ofNullable(row.getString("basis")),
                        Optional.ofNullable(row.getString("reason_code")),
                        at(row, "decided_at"),
                        at(row, "received_at"),
                        at(row, "deadline"))));
    }

    private void stream(String sql, Instant from, Instant until, int fetchSize, RowCallbackHandler each) {
        jdbc.sql(sql)
                .withFetchSize(fetchSize)
                .param("since", dialect.bind(from))
                .param("until", dialect.bind(until))
                .query(each);
    }

    private long count(String sql, Instant from, Instant until) {
        return jdbc.sql(sql)
                .param("since", dialect.bind(from))
                .param("until", dialect.bind(until))
                .query(Long.class)
                .single();
    }

    private Instant at(ResultSet row, String column) throws SQLException {
        @Nullable Instant value = dialect.instant(row, column);
        return Objects.requireNonNull(value, column);
    }
}
