package org.redress.server.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.MutableClock;
import org.redress.server.TestDatabase;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.intake.Channel;
import org.redress.server.intake.FlaggerDetails;
import org.redress.server.intake.FlaggerKeyTakenException;
import org.redress.server.intake.FlaggerNotice;
import org.redress.server.intake.FlaggerStanding;
import org.redress.server.intake.Intake;
import org.redress.server.intake.RegisteredFlagger;
import org.redress.server.intake.ReportSummary;
import org.redress.server.intake.ReporterRole;
import org.redress.server.intake.TrustedFlagger;
import org.redress.server.intake.TrustedFlaggers;
import org.redress.server.review.Decision;
import org.redress.server.review.DecisionRequest;
import org.redress.server.review.Moderator;
import org.redress.server.review.NoViolationReason;
import org.redress.server.review.RemovalBasis;
import org.redress.server.review.Review;
import org.redress.server.review.ReviewCase;
import org.redress.server.review.ReviewState;
import org.redress.server.review.Source;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.storage.SqlDialect;
import org.redress.server.web.InvalidFieldsException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The trusted-flagger register on each database: a notice on a key of a current entry is a trusted
 * flagger's, with its priority, and is recorded against the entry; a key in no entry, or in one whose
 * status has ended or not begun, still files the report, as an ordinary one, and the case says so.
 * Each flagger's figures of the month are checked against SQL written here over the tables.
 */
class TrustedFlaggerFiguresIntegrationTests {

    private static final Instant START = Instant.parse("2026-11-02T09:00:00Z");
    private static final Period NOVEMBER = new Period(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"));
    private static final Moderator ALICE = new Moderator("alice", true);
    private static final Actor COMPLIANCE = new Actor.Staff("compliance-lead");

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void givesCurrentFlaggersPriorityAndReportsEachOnesNoticesAsTheRecordShowsThem(TestDatabase.Vendor vendor)
            throws Exception {
        var clock = new MutableClock(START);
        try (var db = TestDatabase.create(vendor);
                var context = new TransparencyContext(db, clock)) {
            var identity = context.bean(Identity.class);
            var flaggers = context.bean(TrustedFlaggers.class);
            var review = context.bean(Review.class);
            var seeded = new SeededPeriod(context, clock);
            var helpline =
                    RegisteredFlagger.register(identity, flaggers, "Helpline A", LocalDate.parse("2026-01-01"), null);
            var hotline = RegisteredFlagger.register(
                    identity, flaggers, "Hotline B", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-11-10"));
            var later = RegisteredFlagger.register(identity, flaggers, "Later C", LocalDate.parse("2026-12-01"), null);
            var unlisted = new Actor.ApiKey(identity.issueApiKey(COMPLIANCE, "unlisted", Role.FLAGGER)
                    .key()
                    .id()
                    .toString());

            CaseRef removed = seeded.report(helpline.actor(), Channel.FLAGGER, ReporterRole.ON_BEHALF, "f-1")
                    .caseRef();
            CaseRef dismissed = seeded.report(helpline.actor(), Channel.FLAGGER, ReporterRole.ON_BEHALF, "f-2")
                    .caseRef();
            CaseRef pending = seeded.report(helpline.actor(), Channel.FLAGGER, ReporterRole.ON_BEHALF, "f-3")
                    .caseRef();
            CaseRef escalated = seeded.report(hotline.actor(), Channel.FLAGGER, ReporterRole.ON_BEHALF, "f-4")
                    .caseRef();
            CaseRef notListed = seeded.report(unlisted, Channel.FLAGGER, ReporterRole.ON_BEHALF, "f-5")
                    .caseRef();
            CaseRef notYet = seeded.report(later.actor(), Channel.FLAGGER, ReporterRole.ON_BEHALF, "f-6")
                    .caseRef();

            clock.set(START.plus(Duration.ofHours(1)));
            decide(review, escalated, new Decision.Escalate(Optional.empty()));
            clock.set(START.plus(Duration.ofHours(2)));
            decide(review, removed, remove());
            clock.set(START.plus(Duration.ofHours(3)));
            decide(review, escalated, remove());
            clock.set(START.plus(Duration.ofHours(5)));
            decide(
                    review,
                    dismissed,
                    new Decision.NoViolation(NoViolationReason.NOT_INTIMATE_IMAGE_CONTENT, Optional.empty()));
            clock.set(Instant.parse("2026-11-12T09:00:00Z"));
            CaseRef expired = seeded.report(hotline.actor(), Channel.FLAGGER, ReporterRole.ON_BEHALF, "f-7")
                    .caseRef();

            var sql = context.bean(JdbcClient.class);
            var dialect = context.bean(SqlDialect.class);
            assertThat(channelOf(sql, removed)).isEqualTo("FLAGGER");
            assertThat(channelOf(sql, notListed)).isEqualTo("PUBLIC");
            assertThat(channelOf(sql, notYet)).isEqualTo("PUBLIC");
            assertThat(channelOf(sql, expired)).isEqualTo("PUBLIC");
            assertThat(review.find(pending).source()).isEqualTo(Source.TRUSTED_FLAGGER);
            assertThat(review.find(notListed).source()).isEqualTo(Source.PERSON_DEPICTED);
            assertThat(review.queue(ReviewState.OPEN, 100))
                    .extracting(ReviewCase::ref)
                    .as("received together, the trusted flagger's notice comes first")
                    .containsSubsequence(pending, notListed)
                    .containsSubsequence(pending, notYet);

            var intake = context.bean(Intake.class);
            assertThat(notice(intake, pending)).satisfies(n -> {
                assertThat(n.standing()).isEqualTo(FlaggerStanding.CURRENT);
                assertThat(n.flaggerId()).contains(helpline.entry().id());
                assertThat(n.organisation()).contains("Helpline A");
            });
            assertThat(notice(intake, expired).standing()).isEqualTo(FlaggerStanding.EXPIRED);
            assertThat(notice(intake, expired).flaggerId())
                    .contains(hotline.entry().id());
            assertThat(notice(intake, notYet).standing()).isEqualTo(FlaggerStanding.NOT_YET);
            assertThat(notice(intake, notListed).standing()).isEqualTo(FlaggerStanding.NOT_REGISTERED);
            assertThat(notice(intake, notListed).flaggerId()).isEmpty();
            assertThat(notice(intake, notListed).plain()).contains("handled as an ordinary report");

            TransparencyReport r = context.bean(Transparency.class).report(NOVEMBER);

            assertThat(r.trustedFlaggers())
                    .extracting(TransparencyReport.FlaggerFigures::organisation)
                    .as("every entry whose status overlapped November, and no other")
                    .containsExactly("Helpline A", "Hotline B");
            assertThat(r.reportsByChannel()).containsEntry("FLAGGER", 4L).containsEntry("PUBLIC", 3L);
            var independent = new Independent(sql, dialect);
            for (var f : r.trustedFlaggers()) {
                assertThat(f.noticesReceived()).isEqualTo(independent.received(f.flaggerId()));
                assertThat(f.actedOn()).isEqualTo(independent.settled(f.flaggerId(), "IN ('REMOVE', 'REFER')"));
                assertThat(f.notActedOn()).isEqualTo(independent.settled(f.flaggerId(), "= 'NO_VIOLATION'"));
                assertThat(f.pending()).isEqualTo(independent.settled(f.flaggerId(), "IS NULL"));
                assertThat(f.timeToDecision().medianSeconds()).isEqualTo(independent.medianSeconds(f.flaggerId()));
                assertThat(f.timeToDecision().count())
                        .isEqualTo(f.actedOn() + f.notActedOn())
                        .isEqualTo(f.noticesReceived() - f.pending());
            }
            var a = r.trustedFlaggers().get(0);
            assertThat(List.of(a.noticesReceived(), a.actedOn(), a.notActedOn(), a.pending()))
                    .containsExactly(3L, 1L, 1L, 1L);
            assertThat(a.timeToDecision().medianSeconds()).isEqualTo(2 * 3600L);
            var b = r.trustedFlaggers().get(1);
            assertThat(List.of(b.noticesReceived(), b.actedOn(), b.notActedOn(), b.pending()))
                    .as("an escalation decides nothing; the removal after it does")
                    .containsExactly(1L, 1L, 0L, 0L);
            assertThat(b.timeToDecision().maxSeconds()).isEqualTo(3 * 3600L);

            var csv = new StringWriter();
            ReportFormats.csv(r, csv);
            assertThat(csv.toString())
                    .contains("trustedFlagger," + a.flaggerId() + ",actedOn,1\r\n")
                    .contains("trustedFlagger," + a.flaggerId() + ",timeToDecision/medianSeconds,7200\r\n");
            assertThat(ReportFormats.json(r)).contains("\"trustedFlaggers\":[{\"flaggerId\":\"" + a.flaggerId());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void keepsEveryVersionRefusesWrongFieldsAndAKeyOfAnotherEntry(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(START);
        try (var db = TestDatabase.create(vendor);
                var context = new TransparencyContext(db, clock)) {
            var identity = context.bean(Identity.class);
            var flaggers = context.bean(TrustedFlaggers.class);
            var helpline =
                    RegisteredFlagger.register(identity, flaggers, "Helpline A", LocalDate.parse("2026-01-01"), null);
            String key = helpline.key().key().id().toString();

            TrustedFlagger ended = flaggers.change(
                    COMPLIANCE, helpline.entry().id(), details("Helpline A", "2026-01-01", "2026-11-01", List.of(key)));

            assertThat(ended.version()).isEqualTo(2);
            assertThat(flaggers.standingToday(ended)).isEqualTo(FlaggerStanding.EXPIRED);
            assertThat(flaggers.history(helpline.entry().id()))
                    .extracting(TrustedFlagger::version)
                    .containsExactly(2, 1);
            var sql = context.bean(JdbcClient.class);
            assertThat(sql.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'intake.flagger-recorded'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);
            assertThatThrownBy(() -> sql.sql("UPDATE intake_flagger_version SET organisation = 'x'")
                            .update())
                    .as("versions are append-only")
                    .isNotNull();

            assertThatThrownBy(() -> flaggers.add(COMPLIANCE, details("Other", "2026-01-01", null, List.of(key))))
                    .isInstanceOf(FlaggerKeyTakenException.class);
            assertThatThrownBy(() -> flaggers.add(
                            COMPLIANCE,
                            new FlaggerDetails(" ", null, "x", "y", "2026-13-01", "2025-01-01", List.of("nope"))))
                    .isInstanceOfSatisfying(
                            InvalidFieldsException.class,
                            e -> assertThat(e.problems())
                                    .extracting(InvalidFieldsException.FieldProblem::pointer)
                                    .containsExactlyInAnyOrder(
                                            "#/organisation", "#/awardedBy", "#/since", "#/apiKeys/0"));
            assertThatThrownBy(
                            () -> flaggers.add(COMPLIANCE, details("Backwards", "2026-05-01", "2026-04-30", List.of())))
                    .isInstanceOfSatisfying(
                            InvalidFieldsException.class,
                            e -> assertThat(e.problems())
                                    .extracting(InvalidFieldsException.FieldProblem::pointer)
                                    .containsExactly("#/until"));
            assertThat(flaggers.register()).hasSize(1);
        }
    }

    private static FlaggerDetails details(
            String organisation, String since, @Nullable String until, List<String> keys) {
        return new FlaggerDetails(
                organisation, "Coimisiún na Meán", "intimate image abuse", "a@example.org", since, until, keys);
    }

    private static FlaggerNotice notice(Intake intake, CaseRef ref) {
        List<ReportSummary> reports = intake.reportsForReview(ref);
        assertThat(reports).hasSize(1);
        return reports.getFirst().flagger().orElseThrow();
    }

    private static String channelOf(JdbcClient sql, CaseRef ref) {
        return sql.sql("SELECT channel FROM intake_report WHERE case_ref = :ref")
                .param("ref", ref.value())
                .query(String.class)
                .single();
    }

    private static Decision remove() {
        return new Decision.Remove(RemovalBasis.ILLEGAL_CONTENT, Optional.empty(), Optional.empty());
    }

    private static void decide(Review review, CaseRef ref, Decision decision) {
        review.claim(ALICE, ref);
        review.decide(ALICE, ref, DecisionRequest.of(decision));
    }

    /**
     * The test's own SQL: a flagger's notices of November, each with the outcome of the first decision
     * on its case's content taken at or after it arrived (a correlated subquery where the service
     * matches in memory).
     */
    private record Independent(JdbcClient jdbc, SqlDialect dialect) {

        private static final String NOTICES = """
                FROM intake_report r
                WHERE r.received_at >= :from AND r.received_at < :until
                  AND r.id IN (SELECT f.report_id FROM intake_report_flagger f
                                WHERE f.standing = 'CURRENT' AND f.flagger_id = :flagger)""";

        private static final String FIRST_OUTCOME = """
                (SELECT d.outcome FROM review_decision d
                  WHERE d.case_ref = r.case_ref AND d.decided_at >= r.received_at
                    AND d.outcome IN ('REMOVE', 'REFER', 'NO_VIOLATION')
                  ORDER BY d.decided_at, d.id LIMIT 1)""";

        private static final String FIRST_AT = """
                (SELECT MIN(d.decided_at) FROM review_decision d
                  WHERE d.case_ref = r.case_ref AND d.decided_at >= r.received_at
                    AND d.outcome IN ('REMOVE', 'REFER', 'NO_VIOLATION'))""";

        long received(String flagger) {
            return count("SELECT COUNT(*) " + NOTICES, flagger);
        }

        long settled(String flagger, String outcome) {
            return count("SELECT COUNT(*) " + NOTICES + " AND " + FIRST_OUTCOME + " " + outcome, flagger);
        }

        @Nullable
        Long medianSeconds(String flagger) {
            String millis = dialect instanceof SqlDialect.Postgresql
                    ? "CAST(EXTRACT(EPOCH FROM (" + FIRST_AT + " - r.received_at)) * 1000 AS BIGINT)"
                    : "(" + FIRST_AT + " - r.received_at)";
            String durations = "SELECT " + millis + " AS ms " + NOTICES + " AND " + FIRST_AT + " IS NOT NULL";
            List<Long> ms = bind(jdbc.sql("SELECT ms FROM (" + durations + ") x ORDER BY ms"), flagger)
                    .query(Long.class)
                    .list();
            return ms.isEmpty() ? null : ms.get((ms.size() + 1) / 2 - 1) / 1000;
        }

        private long count(String query, String flagger) {
            return bind(jdbc.sql(query), flagger).query(Long.class).single();
        }

        private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, String flagger) {
            return spec.param("from", dialect.bind(NOVEMBER.start()))
                    .param("until", dialect.bind(NOVEMBER.end()))
                    .param("flagger", flagger);
        }
    }
}
