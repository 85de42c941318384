package org.redress.server.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.MutableClock;
import org.redress.server.TestDatabase;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every figure of a seeded month, computed by {@link Transparency} and, independently, by SQL
 * written here against the tables, on each database. The SQL is phrased differently on purpose
 * (subqueries where the service joins, window functions for percentiles) so that a wrong join or
 * bound in either shows.
 */
class TransparencyFiguresIntegrationTests {

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void computesEveryFigureOfTheMonthAsTheRecordShowsIt(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(SeededPeriod.START);
        try (var db = TestDatabase.create(vendor);
                var context = new TransparencyContext(db, clock)) {
            var seeded = new SeededPeriod(context, clock);
            seeded.seed();
            var sql = new Independent(
                    context.bean(JdbcClient.class), context.bean(SqlDialect.class), SeededPeriod.NOVEMBER);

            TransparencyReport r = context.bean(Transparency.class).report(SeededPeriod.NOVEMBER);

            assertThat(r.reportsReceived()).isEqualTo(sql.count("""
                    SELECT COUNT(*) FROM intake_report
                     WHERE received_at >= :from AND received_at < :until
                       AND case_ref IN (SELECT case_ref FROM intake_case WHERE kind = 'REPORT')""")).isEqualTo(5);
            assertThat(r.reportsByChannel()).isEqualTo(sql.groups("""
                    SELECT channel AS k, COUNT(*) AS n FROM intake_report
                     WHERE received_at >= :from AND received_at < :until
                       AND case_ref IN (SELECT case_ref FROM intake_case WHERE kind = 'REPORT') GROUP BY channel"""));
            assertThat(r.reportsByReporterRole()).isEqualTo(sql.groups("""
                    SELECT reporter_role AS k, COUNT(*) AS n FROM intake_report
                     WHERE received_at >= :from AND received_at < :until
                       AND case_ref IN (SELECT case_ref FROM intake_case WHERE kind = 'REPORT')
                     GROUP BY reporter_role"""));
            assertThat(r.reportsByChannel()).containsEntry("REGULATOR", 1L).containsEntry("FLAGGER", 1L);
            assertThat(r.hashSubmissionsReceived()).isEqualTo(sql.count("""
                    SELECT COUNT(*) FROM intake_report WHERE received_at >= :from AND received_at < :until
                       AND case_ref IN (SELECT case_ref FROM intake_case WHERE kind = 'HASHES')""")).isEqualTo(1);

            String removedItems = """
                    FROM review_content t WHERE t.removed_at >= :from AND t.removed_at < :until
                      AND EXISTS (SELECT 1 FROM review_case c
                                   WHERE c.case_ref = t.case_ref AND c.origin <> 'APPEAL')""";
            assertThat(r.contentRemoved())
                    .isEqualTo(sql.count("SELECT COUNT(*) " + removedItems))
                    .isEqualTo(3);
            assertThat(r.removedWithinDeadline())
                    .isEqualTo(sql.count("SELECT COUNT(*) " + removedItems
                            + " AND t.removed_at <= (SELECT c.deadline FROM review_case c"
                            + " WHERE c.case_ref = t.case_ref)"))
                    .isEqualTo(1);
            String removalMillis = sql.millis(
                    "t.removed_at", "(SELECT c.received_at FROM review_case c WHERE c.case_ref = t.case_ref)");
            assertThat(r.removedWithin48Hours())
                    .isEqualTo(sql.count("SELECT COUNT(*) " + removedItems + " AND " + removalMillis + " <= 172800000"))
                    .isEqualTo(1);
            assertThat(r.shareRemovedWithin48Hours()).isEqualTo(1.0 / 3);
            assertThat(r.timeToRemoval())
                    .isEqualTo(sql.durations("SELECT " + removalMillis + " AS ms " + removedItems));
            assertThat(r.timeToRemoval().maxSeconds()).isEqualTo(60 * 3600L);
            assertThat(r.removalsBySource()).containsOnlyKeys(sql.groups("""
                    SELECT c.source AS k, COUNT(*) AS n FROM review_content t, review_case c
                     WHERE c.case_ref = t.case_ref AND c.origin <> 'APPEAL'
                       AND t.removed_at >= :from AND t.removed_at < :until GROUP BY c.source""").keySet());
            assertThat(r.removalsByBank()).containsOnlyKeys(Transparency.NO_BANK);

            assertThat(r.timeToFirstAction())
                    .isEqualTo(sql.durations("SELECT " + sql.millis("f.first_at", "c.received_at") + """
                     AS ms FROM review_case c,
                            (SELECT case_ref, MIN(decided_at) AS first_at FROM review_decision GROUP BY case_ref) f
                     WHERE f.case_ref = c.case_ref AND c.origin <> 'APPEAL'
                       AND f.first_at >= :from AND f.first_at < :until"""));

            assertThat(r.deadlineBreaches()).isEqualTo(sql.count("""
                    SELECT COUNT(*) FROM review_case
                     WHERE breached_at >= :from AND breached_at < :until""")).isEqualTo(3);
            Map<String, BreachReason> reasons = new TreeMap<>();
            r.breaches().forEach(b -> reasons.put(b.caseRef(), b.reason()));
            assertThat(reasons)
                    .isEqualTo(Map.of(
                            seeded.decidedLate.value(), BreachReason.NOT_DECIDED_IN_TIME,
                            seeded.confirmedLate.value(), BreachReason.REMOVAL_NOT_CONFIRMED_IN_TIME,
                            seeded.escalatedLate.value(), BreachReason.ESCALATED_NOT_DECIDED_IN_TIME));

            assertThat(r.retroactiveCopies()).isEqualTo(sql.count("""
                    SELECT COUNT(DISTINCT content_id) FROM review_match
                     WHERE retroactive = TRUE AND found_at >= :from AND found_at < :until""")).isEqualTo(1);
            assertThat(r.matchesByBank())
                    .extracting(TransparencyReport.BankMatches::bank)
                    .containsExactlyElementsOf(sql.strings("""
                    SELECT DISTINCT bank FROM review_match
                     WHERE found_at >= :from AND found_at < :until ORDER BY bank"""));

            assertThat(r.humanDecisions()).isEqualTo(sql.count("""
                    SELECT COUNT(*) FROM review_decision WHERE decided_at >= :from AND decided_at < :until"""));
            assertThat(r.decisionsByOutcome()).isEqualTo(sql.groups("""
                    SELECT outcome AS k, COUNT(*) AS n FROM review_decision
                     WHERE decided_at >= :from AND decided_at < :until GROUP BY outcome"""));
            assertThat(r.automatedDecisions()).isEqualTo(sql.count("""
                    SELECT COUNT(*) FROM enforcement_delivery
                     WHERE type = 'upload.blocked' AND created_at >= :from AND created_at < :until""")).isEqualTo(2);

            assertThat(r.appealsReceived()).isEqualTo(sql.count("""
                    SELECT COUNT(*) FROM review_appeal
                     WHERE received_at >= :from AND received_at < :until""")).isEqualTo(2);
            assertThat(r.appealsReversed()).isEqualTo(sql.count("""
                    SELECT COUNT(*) FROM review_appeal
                     WHERE outcome = 'REVERSE' AND decided_at >= :from AND decided_at < :until""")).isEqualTo(1);
            assertThat(r.appealsUpheld()).isEqualTo(sql.count("""
                    SELECT COUNT(*) FROM review_appeal
                     WHERE outcome = 'UPHOLD' AND decided_at >= :from AND decided_at < :until""")).isEqualTo(1);
            assertThat(r.timeToReversal())
                    .isEqualTo(sql.durations("SELECT " + sql.millis("decided_at", "received_at")
                            + " AS ms FROM review_appeal WHERE outcome = 'REVERSE'"
                            + " AND decided_at >= :from AND decided_at < :until"));
            assertThat(r.timeToReversal().medianSeconds()).isEqualTo(2 * 3600L);
            assertThat(r.timeToAppealDecision())
                    .isEqualTo(sql.durations("SELECT " + sql.millis("decided_at", "received_at")
                            + " AS ms FROM review_appeal WHERE decided_at >= :from AND decided_at < :until"));

            assertThat(r.complaintsReceived()).isEqualTo(sql.count("""
                    SELECT COUNT(*) FROM intake_complaint
                     WHERE received_at >= :from AND received_at < :until""")).isEqualTo(1);
            assertThat(r.complaintsByTypeAndOutcome()).isEqualTo(sql.groups("""
                    SELECT type || ':' || COALESCE(outcome, 'UNANSWERED') AS k, COUNT(*) AS n FROM review_complaint
                     WHERE received_at >= :from AND received_at < :until
                     GROUP BY type || ':' || COALESCE(outcome, 'UNANSWERED')"""));
            assertThat(r.complaintsByTypeAndOutcome().values().stream()
                            .mapToLong(Long::longValue)
                            .sum())
                    .isEqualTo(1);
            assertThat(r.uploadsBlocked()).isEqualTo(sql.count("""
                    SELECT COUNT(DISTINCT content_id) FROM enforcement_delivery
                     WHERE type = 'upload.blocked' AND created_at >= :from AND created_at < :until""")).isEqualTo(2);
            assertThat(r.blockedUploadsReleased()).isEqualTo(sql.count("""
                    SELECT COUNT(DISTINCT b.content_id) FROM enforcement_delivery b
                     WHERE b.type = 'upload.blocked' AND b.created_at >= :from AND b.created_at < :until
                       AND EXISTS (SELECT 1 FROM enforcement_delivery r WHERE r.type = 'content.restore'
                                      AND r.content_id = b.content_id
                                      AND r.created_at >= b.created_at)""")).isEqualTo(1);

            var december = new Period(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-01"));
            TransparencyReport later = context.bean(Transparency.class).report(december);
            assertThat(later.reportsReceived()).isEqualTo(1);
            assertThat(later.contentRemoved()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void exportsOneLinePerDecisionOfThePeriod(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(SeededPeriod.START);
        try (var db = TestDatabase.create(vendor);
                var context = new TransparencyContext(db, clock)) {
            new SeededPeriod(context, clock).seed();
            var sql = new Independent(
                    context.bean(JdbcClient.class), context.bean(SqlDialect.class), SeededPeriod.NOVEMBER);
            var out = new StringWriter();

            context.bean(Transparency.class).exportDecisions(SeededPeriod.NOVEMBER, out);

            List<String> lines = out.toString().lines().toList();
            assertThat(lines.getFirst()).isEqualTo(String.join(",", DecisionCsv.COLUMNS));
            List<String> ids = lines.stream()
                    .skip(1)
                    .map(line -> line.substring(0, line.indexOf(',')))
                    .toList();
            List<String> expected = new java.util.ArrayList<>(sql.strings("""
                    SELECT id FROM review_decision WHERE decided_at >= :from AND decided_at < :until
                     ORDER BY decided_at, id"""));
            expected.addAll(sql.strings("""
                    SELECT id FROM enforcement_delivery
                     WHERE type = 'upload.blocked' AND created_at >= :from AND created_at < :until
                     ORDER BY created_at, id"""));
            assertThat(ids).isEqualTo(expected);
            assertThat(lines.stream().skip(1).filter(line -> line.contains(",AUTOMATED,")))
                    .hasSize(2);
        }
    }

    /** The test's own SQL over the period's bounds. */
    private record Independent(JdbcClient jdbc, SqlDialect dialect, Period period) {

        long count(String sql) {
            return jdbc.sql(sql)
                    .param("from", dialect.bind(period.start()))
                    .param("until", dialect.bind(period.end()))
                    .query(Long.class)
                    .single();
        }

        List<String> strings(String sql) {
            return jdbc.sql(sql)
                    .param("from", dialect.bind(period.start()))
                    .param("until", dialect.bind(period.end()))
                    .query(String.class)
                    .list();
        }

        Map<String, Long> groups(String sql) {
            Map<String, Long> groups = new TreeMap<>();
            jdbc.sql(sql)
                    .param("from", dialect.bind(period.start()))
                    .param("until", dialect.bind(period.end()))
                    .query(row -> {
                        groups.put(row.getString("k"), row.getLong("n"));
                    });
            return groups;
        }

        /** Milliseconds from {@code start} to {@code end}, in this database's arithmetic. */
        String millis(String end, String start) {
            return dialect instanceof SqlDialect.Postgresql
                    ? "CAST(EXTRACT(EPOCH FROM (" + end + " - " + start + ")) * 1000 AS BIGINT)"
                    : "(" + end + " - " + start + ")";
        }

        /** Count, nearest-rank median and 90th percentile, and maximum of the {@code ms} column, in seconds. */
        DurationSummary durations(String millisQuery) {
            long count = count("SELECT COUNT(*) FROM (" + millisQuery + ") d");
            if (count == 0) {
                return new DurationSummary(0, null, null, null);
            }
            return new DurationSummary(
                    count,
                    rank(millisQuery, 50),
                    rank(millisQuery, 90),
                    single("SELECT MAX(ms) FROM (" + millisQuery + ") d") / 1000);
        }

        private @Nullable Long rank(String millisQuery, int percentile) {
            Long ms = single("SELECT ms FROM (SELECT ms, ROW_NUMBER() OVER (ORDER BY ms) AS rn, COUNT(*) OVER () AS n"
                    + " FROM (" + millisQuery + ") d) x WHERE rn = (" + percentile + " * n + 99) / 100");
            return ms / 1000;
        }

        private long single(String sql) {
            return jdbc.sql(sql)
                    .param("from", dialect.bind(period.start()))
                    .param("until", dialect.bind(period.end()))
                    .query(Long.class)
                    .single();
        }
    }
}
