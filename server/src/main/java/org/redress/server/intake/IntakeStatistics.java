package org.redress.server.intake;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.redress.server.shared.CaseRef;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only counts over intake's record for accountability reporting (the transparency module):
 * reports, hash submissions and complaints received in a period. Reads no personal field and
 * changes nothing. Periods are half-open: {@code from} included, {@code until} excluded.
 */
@Component
public class IntakeStatistics {

    private static final String REPORTS = """
            SELECT r.channel, r.reporter_role, COUNT(*) AS n
              FROM intake_report r JOIN intake_case c ON c.case_ref = r.case_ref
             WHERE c.kind = 'REPORT' AND r.received_at >= :since AND r.received_at < :until
             GROUP BY r.channel, r.reporter_role
             ORDER BY r.channel, r.reporter_role
            """;

    private static final String HASH_SUBMISSIONS = """
            SELECT COUNT(*) FROM intake_report r JOIN intake_case c ON c.case_ref = r.case_ref
             WHERE c.kind = 'HASHES' AND r.received_at >= :since AND r.received_at < :until
            """;

    private static final String FLAGGER_NOTICES = """
            SELECT f.flagger_id, r.case_ref, r.received_at
              FROM intake_report_flagger f JOIN intake_report r ON r.id = f.report_id
             WHERE f.standing = 'CURRENT' AND r.received_at >= :since AND r.received_at < :until
             ORDER BY f.flagger_id, r.received_at, r.id
            """;

    private static final String COMPLAINTS = """
            SELECT COUNT(*) FROM intake_complaint WHERE received_at >= :since AND received_at < :until
            """;

    /**
     * How many reports arrived by one channel from one kind of reporter.
     *
     * @param channel how they arrived
     * @param reporterRole who made them
     * @param reports how many
     */
    public record ReportCount(Channel channel, ReporterRole reporterRole, long reports) {}

    /**
     * A trusted flagger's notice: a report on a FLAGGER key whose register entry had a current status.
     *
     * @param flaggerId the register entry it was recorded against
     * @param caseRef the case it opened or joined
     * @param receivedAt when it arrived
     */
    public record FlaggerNoticeReceived(String flaggerId, CaseRef caseRef, Instant receivedAt) {}

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    IntakeStatistics(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Reports (not hash submissions) received in the period, per channel and reporter role. */
    public List<ReportCount> reportsReceived(Instant from, Instant until) {
        return jdbc.sql(REPORTS)
                .param("since", dialect.bind(from))
                .param("until", dialect.bind(until))
                .query((row, n) -> new ReportCount(
                        Channel.valueOf(row.getString("channel")),
                        ReporterRole.valueOf(row.getString("reporter_role")),
                        row.getLong("n")))
                .list();
    }

    /** Trusted flaggers' notices received in the period, by entry and then oldest first. */
    public List<FlaggerNoticeReceived> flaggerNotices(Instant from, Instant until) {
        return jdbc.sql(FLAGGER_NOTICES)
                .param("since", dialect.bind(from))
                .param("until", dialect.bind(until))
                .query((row, n) -> new FlaggerNoticeReceived(
                        row.getString("flagger_id"),
                        new CaseRef(row.getString("case_ref")),
                        Objects.requireNonNull(dialect.instant(row, "received_at"))))
                .list();
    }

    /** Victims' hash submissions received in the period. */
    public long hashSubmissionsReceived(Instant from, Instant until) {
        return count(HASH_SUBMISSIONS, from, until);
    }

    /** Complaints received in the period (UK OSA s.21(2A)). */
    public long complaintsReceived(Instant from, Instant until) {
        return count(COMPLAINTS, from, until);
    }

    private long count(String sql, Instant from, Instant until) {
        return jdbc.sql(sql)
                .param("since", dialect.bind(from))
                .param("until", dialect.bind(until))
                .query(Long.class)
                .single();
    }
}
