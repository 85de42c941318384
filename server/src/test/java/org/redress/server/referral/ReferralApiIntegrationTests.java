package org.redress.server.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redress.server.ServiceTest;
import org.redress.server.audit.AuditEntry;
import org.redress.server.audit.AuditTrail;
import org.redress.server.evidence.Evidence;
import org.redress.server.evidence.RetentionSweep;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.intake.Channel;
import org.redress.server.intake.ContentLocator;
import org.redress.server.intake.Declarations;
import org.redress.server.intake.Intake;
import org.redress.server.intake.NewReport;
import org.redress.server.intake.ReportReason;
import org.redress.server.intake.ReporterRole;
import org.redress.server.review.DecisionRequest;
import org.redress.server.review.Moderator;
import org.redress.server.review.Outcome;
import org.redress.server.review.Review;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.storage.SqlDialect;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A referral to the NCA, which has no endpoint here: the record is built and sealed, compliance
 * staff and senior moderators see its state on the API and the case page, compliance staff take
 * the record out (audited) and record the reference the NCA gave them.
 */
@ServiceTest
class ReferralApiIntegrationTests {

    private static final Actor TESTER = new Actor.Operator("test");

    @Autowired
    MockMvc mvc;

    @Autowired
    Identity identity;

    @Autowired
    Intake intake;

    @Autowired
    Review review;

    @Autowired
    Referrals referrals;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SqlDialect dialect;

    @Autowired
    Evidence evidence;

    @Autowired
    RetentionSweep sweep;

    private String staff(Role role) {
        String name = role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        identity.createUser(TESTER, Username.of(name), role, false);
        identity.changePassword(TESTER, Username.of(name), "a long staff password 1");
        return name;
    }

    private CaseRef referredCase(String senior, String url) {
        var report = new NewReport(
                ReporterRole.BYSTANDER,
                new Declarations(true, true, true),
                "A Bystander",
                List.of(ContentLocator.of(url)),
                Optional.empty(),
                true,
                Optional.of("This shows a child."),
                ReportReason.SHARED_WITHOUT_CONSENT);
        CaseRef ref = intake.report(new Actor.Public(), Channel.PUBLIC, report, Optional.empty())
                .caseRef();
        var moderator = new Moderator(senior, true);
        review.claim(moderator, ref);
        review.decide(
                moderator,
                ref,
                new DecisionRequest(
                        Outcome.REFER,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("Child sexual abuse material."),
                        Optional.empty()));
        return ref;
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String name, Role role)
            throws Exception {
        return mvc.perform(request.header("Accept", "application/json")
                        .with(user(name).roles(role.name())))
                .andReturn()
                .getResponse();
    }

    private String casePage(CaseRef ref, String senior) throws Exception {
        return mvc.perform(get("/review/cases/" + ref.value())
                        .header("Accept", "text/html")
                        .with(user(senior).roles(Role.SENIOR_MODERATOR.name())))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** Makes a referral look {@code years} old, as the sweep measures it. */
    private void age(String id, int years) {
        jdbc.sql("UPDATE referral_referral SET created_at = :at WHERE id = :id")
                .param(
                        "at",
                        dialect.bind(Instant.now()
                                .atOffset(ZoneOffset.UTC)
                                .minusYears(years)
                                .toInstant()))
                .param("id", id)
                .update();
    }

    private Optional<String> sealedRecord(String id) {
        return jdbc.sql("SELECT record_enc FROM referral_referral WHERE id = :id")
                .param("id", id)
                .query((row, n) -> Optional.ofNullable(row.getString("record_enc")))
                .optional()
                .orElseThrow(() -> new AssertionError("no referral " + id));
    }

    private boolean exists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM referral_referral WHERE id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    @Test
    void emptiesAReferralsContentAfterAYearAndDeletesItAfterFiveUnlessItsCaseIsHeld() {
        String senior = staff(Role.SENIOR_MODERATOR);
        CaseRef heldCase = referredCase(senior, "https://platform.example/p/" + UUID.randomUUID());
        CaseRef freeCase = referredCase(senior, "https://platform.example/p/" + UUID.randomUUID());
        referrals.sendDue();
        String held = referrals.forCase(heldCase).getFirst().id();
        String free = referrals.forCase(freeCase).getFirst().id();
        evidence.hold(TESTER, heldCase, "Preservation order 7");

        age(held, 2);
        age(free, 2);
        assertThat(sweep.sweep().ran()).isTrue();

        assertThat(sealedRecord(free))
                .as("the content and data go after a year")
                .isEmpty();
        assertThat(sealedRecord(held)).as("a held case keeps them").isPresent();
        assertThat(exists(free)).as("the reference stays five years").isTrue();

        age(held, 6);
        age(free, 6);
        assertThat(sweep.sweep().ran()).isTrue();

        assertThat(exists(free)).isFalse();
        assertThat(exists(held)).isTrue();
        assertThat(sweep.deletions(20))
                .filteredOn(d -> d.recordId().equals(free))
                .extracting(d -> d.kind())
                .containsExactlyInAnyOrder("csea-content", "csea-referral");
    }

    @Test
    void keepsAnNcaRecordSealedForComplianceToFileAndRecordsTheReferenceTheNcaGave() throws Exception {
        String senior = staff(Role.SENIOR_MODERATOR);
        String compliance = staff(Role.COMPLIANCE);
        String moderator = staff(Role.MODERATOR);
        String url = "https://platform.example/p/" + UUID.randomUUID();
        CaseRef ref = referredCase(senior, url);
        referrals.sendDue();

        var listed = send(get("/api/v1/referrals").param("caseId", ref.value()), compliance, Role.COMPLIANCE);
        assertThat(listed.getStatus()).isEqualTo(200);
        assertThat(listed.getContentAsString()).contains("\"agency\":\"NCA\"", "\"state\":\"MANUAL\"");
        assertThat(send(get("/api/v1/referrals").param("caseId", ref.value()), senior, Role.SENIOR_MODERATOR)
                        .getStatus())
                .isEqualTo(200);
        assertThat(send(get("/api/v1/referrals").param("caseId", ref.value()), moderator, Role.MODERATOR)
                        .getStatus())
                .isEqualTo(403);
        assertThat(casePage(ref, senior)).contains("id=\"referrals\"", "NCA: no endpoint is configured");

        String id = referrals.forCase(ref).getFirst().id();
        assertThat(jdbc.sql("SELECT record_enc FROM referral_referral WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .as("sealed at rest")
                .startsWith("v1:")
                .doesNotContain(url);
        var record = send(get("/api/v1/referrals/" + id + "/report"), compliance, Role.COMPLIANCE);
        assertThat(record.getStatus()).isEqualTo(200);
        assertThat(record.getContentAsString())
                .contains("S.I. 2026/268 Schedule 1", url, "\"reportedUnder18\" : true", "referenceRetainedUntil");
        assertThat(send(get("/api/v1/referrals/" + id + "/report"), senior, Role.SENIOR_MODERATOR)
                        .getStatus())
                .isEqualTo(403);
        assertThat(audit.about(Set.of(id))).extracting(AuditEntry::action).contains("referral.report-exported");

        var blank = send(reference(id, "  "), compliance, Role.COMPLIANCE);
        assertThat(blank.getStatus()).isEqualTo(422);
        assertThat(blank.getContentAsString()).contains("/problems/referral-reference-invalid");
        var recorded = send(reference(id, "NCA-2026-000123"), compliance, Role.COMPLIANCE);
        assertThat(recorded.getStatus()).isEqualTo(200);
        assertThat(recorded.getContentAsString()).contains("\"state\":\"SENT\"", "\"reportId\":\"NCA-2026-000123\"");
        var again = send(reference(id, "NCA-2026-000124"), compliance, Role.COMPLIANCE);
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentAsString()).contains("/problems/referral-not-manual");
        assertThat(casePage(ref, senior)).contains("NCA: sent, report id NCA-2026-000123");
        assertThat(audit.about(Set.of(id))).extracting(AuditEntry::action).contains("referral.reference-recorded");
    }

    @Test
    void answersAnUnknownCaseAndAnUnknownReferralWithProblems() throws Exception {
        String compliance = staff(Role.COMPLIANCE);
        var unknownCase = send(get("/api/v1/referrals").param("caseId", "RDR-0000-0000"), compliance, Role.COMPLIANCE);
        assertThat(unknownCase.getStatus()).isEqualTo(404);
        assertThat(unknownCase.getContentAsString()).contains("/problems/review-case-not-found");
        var unknownReferral =
                send(get("/api/v1/referrals/" + UUID.randomUUID() + "/report"), compliance, Role.COMPLIANCE);
        assertThat(unknownReferral.getStatus()).isEqualTo(404);
        assertThat(unknownReferral.getContentAsString()).contains("/problems/referral-not-found");
    }

    private static MockHttpServletRequestBuilder reference(String id, String reference) {
        return post("/api/v1/referrals/" + id + "/reference")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reference\":\"" + reference + "\"}");
    }
}
