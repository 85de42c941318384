package org.redress.server.intake;

import java.time.Instant;
import java.util.List;
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
