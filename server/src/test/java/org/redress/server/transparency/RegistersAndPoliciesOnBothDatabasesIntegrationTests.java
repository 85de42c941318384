package org.redress.server.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.MutableClock;
import org.redress.server.TestDatabase;
import org.redress.server.audit.AuditEntry;
import org.redress.server.audit.AuditTrail;
import org.redress.server.shared.Actor;
import org.redress.server.storage.SqlDialect;
import org.redress.server.transparency.policies.Policies;
import org.redress.server.transparency.policies.PolicyKind;
import org.redress.server.transparency.policies.RemovalRequests;
import org.redress.server.transparency.registers.AccountableIndividual;
import org.redress.server.transparency.registers.Measures;
import org.redress.server.transparency.registers.RegisterKind;
import org.redress.server.transparency.registers.Registers;
import org.redress.server.transparency.registers.RiskAssessment;
import org.redress.server.web.InvalidFieldsException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registers, the published policies and the removal-request log on each database, after a
 * seeded month: versions are added and never replaced (the database refuses to change one),
 * every version is audited, a risk assessment keeps the figures of its evidence period, and the
 * log of removal requests says what an independent query of the tables says, breaches included.
 */
class RegistersAndPoliciesOnBothDatabasesIntegrationTests {

    private static final Actor LEAD = new Actor.Staff("compliance-lead");

    private static RiskAssessment assessment(String level) {
        return new RiskAssessment(
                level,
                List.of("file storage and sharing", "users can post images publicly"),
                "2026-11-01",
                "2026-11-30",
                "Helpline referrals rose in October.",
                "2026-12-01",
                "2027-06-01",
                "Jo Board",
                "Chair of the board",
                true);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void keepsEveryVersionAuditedWithTheFiguresItDrewOn(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(SeededPeriod.START);
        try (var db = TestDatabase.create(vendor);
                var context = new TransparencyContext(db, clock)) {
            new SeededPeriod(context, clock).seed();
            var registers = context.bean(Registers.class);
            TransparencyReport november = context.bean(Transparency.class).report(SeededPeriod.NOVEMBER);

            var first = registers.record(LEAD, assessment("medium"));
            var second = registers.record(LEAD, assessment("HIGH"));
            registers.record(
                    LEAD, new AccountableIndividual("Sam Lead", "Head of Trust", "The board", "2026-01-05", null));
            registers.record(
                    LEAD,
                    new Measures(List.of(new Measures.Measure(
                            "ICU C14", "TAKEN", "PDQ and MD5 matching at upload", "2026-09-30", null))));

            assertThat(first.version()).isEqualTo(1);
            assertThat(second.version()).isEqualTo(2);
            assertThat(registers.history(RegisterKind.RISK_ASSESSMENT))
                    .extracting(v -> ((RiskAssessment) v.content()).level())
                    .containsExactly("HIGH", "MEDIUM");
            var kept = registers.version(RegisterKind.RISK_ASSESSMENT, 1);
            assertThat(kept.recordedBy()).isEqualTo("compliance-lead");
            assertThat(kept.figures()).isNotNull();
            assertThat(kept.figures().get("reportsReceived").asLong()).isEqualTo(november.reportsReceived());
            assertThat(kept.figures().get("deadlineBreaches").asLong()).isEqualTo(november.deadlineBreaches());
            assertThat(registers
                            .current(RegisterKind.ACCOUNTABLE_INDIVIDUAL)
                            .orElseThrow()
                            .content())
                    .isEqualTo(new AccountableIndividual("Sam Lead", "Head of Trust", "The board", "2026-01-05", null));

            var policies = context.bean(Policies.class);
            assertThat(policies.inForce(PolicyKind.TAKE_IT_DOWN).shipped()).isTrue();
            policies.publish(LEAD, PolicyKind.TAKE_IT_DOWN, "Ask us to remove it", "## How\n\nUse the form.");
            clock.advance(java.time.Duration.ofDays(1));
            policies.publish(LEAD, PolicyKind.TAKE_IT_DOWN, "Ask us to remove it", "## How\n\nUse the report form.");
            assertThat(policies.inForce(PolicyKind.TAKE_IT_DOWN).version()).isEqualTo(2);
            assertThat(policies.history(PolicyKind.TAKE_IT_DOWN))
                    .extracting(v -> v.text())
                    .containsExactly("## How\n\nUse the report form.", "## How\n\nUse the form.");

            List<String> audited = context.bean(AuditTrail.class).entries(0, 1000).stream()
                    .filter(e -> e.action().startsWith("transparency."))
                    .map(AuditEntry::objectId)
                    .toList();
            assertThat(audited)
                    .containsExactly(
                            "risk-assessment:1",
                            "risk-assessment:2",
                            "accountable-individual:1",
                            "measures:1",
                            "take-it-down:1",
                            "take-it-down:2");

            assertThatThrownBy(() -> db.update("UPDATE transparency_register_version SET content = '{}'"))
                    .isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> db.update("DELETE FROM transparency_policy_version"))
                    .isInstanceOf(RuntimeException.class);
            assertThat(policies.history(PolicyKind.TAKE_IT_DOWN)).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void logsEveryRemovalRequestOfThePeriodAsTheTablesShowIt(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(SeededPeriod.START);
        try (var db = TestDatabase.create(vendor);
                var context = new TransparencyContext(db, clock)) {
            var seeded = new SeededPeriod(context, clock);
            seeded.seed();
            var jdbc = context.bean(JdbcClient.class);
            var dialect = context.bean(SqlDialect.class);
            var period = SeededPeriod.NOVEMBER;

            var out = new StringWriter();
            context.bean(RemovalRequests.class).export(period, out);

            List<String> lines = out.toString().lines().toList();
            List<String> expectedRefs = jdbc.sql("""
                            SELECT case_ref FROM review_case
                             WHERE origin = 'REPORT' AND received_at >= :from AND received_at < :until
                             ORDER BY received_at, case_ref""")
                    .param("from", dialect.bind(period.start()))
                    .param("until", dialect.bind(period.end()))
                    .query(String.class)
                    .list();
            assertThat(lines.getFirst())
                    .isEqualTo("case_ref,source,received_at,deadline,decision,decided_at,removed_at,"
                            + "removed_within_deadline,breached_at,outcome");
            assertThat(lines.subList(1, lines.size()))
                    .extracting(line -> line.split(",", -1)[0])
                    .containsExactlyElementsOf(expectedRefs)
                    .contains(seeded.removedInTime.value(), seeded.confirmedLate.value());
            List<String> breached = jdbc.sql("""
                            SELECT case_ref FROM review_case
                             WHERE origin = 'REPORT' AND breached_at IS NOT NULL
                               AND received_at >= :from AND received_at < :until""")
                    .param("from", dialect.bind(period.start()))
                    .param("until", dialect.bind(period.end()))
                    .query(String.class)
                    .list();
            assertThat(breached).isNotEmpty();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                assertThat(!f[8].isEmpty()).as(f[0]).isEqualTo(breached.contains(f[0]));
            }
            assertThat(line(lines, seeded.removedInTime.value())[7]).isEqualTo("yes");
            assertThat(line(lines, seeded.confirmedLate.value())[7]).isEqualTo("no");
            assertThat(line(lines, seeded.confirmedLate.value())[9]).isEqualTo("REMOVED");
            assertThat(line(lines, seeded.noViolation.value())[4]).isEqualTo("NO_VIOLATION");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void refusesAVersionWithWrongFieldsAndRecordsNothing(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(SeededPeriod.START);
        try (var db = TestDatabase.create(vendor);
                var context = new TransparencyContext(db, clock)) {
            var registers = context.bean(Registers.class);
            var late = new RiskAssessment(
                    "SEVERE", List.of(), "2026-11-30", "2026-11-01", null, "2026-12-01", "2028-01-01", "", "x", null);

            assertThatThrownBy(() -> registers.record(LEAD, late))
                    .isInstanceOfSatisfying(
                            InvalidFieldsException.class,
                            e -> assertThat(e.problems())
                                    .extracting(InvalidFieldsException.FieldProblem::pointer)
                                    .containsExactlyInAnyOrder(
                                            "#/level",
                                            "#/riskFactors",
                                            "#/evidenceTo",
                                            "#/nextReviewBy",
                                            "#/approvedBy",
                                            "#/riskProfilesConsulted"));
            assertThat(registers.history(RegisterKind.RISK_ASSESSMENT)).isEmpty();
        }
    }

    private static String[] line(List<String> lines, String caseRef) {
        return lines.stream()
                .filter(l -> l.startsWith(caseRef + ","))
                .findFirst()
                .orElseThrow()
                .split(",", -1);
    }
}
