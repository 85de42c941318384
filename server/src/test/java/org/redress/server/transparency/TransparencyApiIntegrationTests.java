package org.redress.server.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.intake.Channel;
import org.redress.server.intake.ContentLocator;
import org.redress.server.intake.Declarations;
import org.redress.server.intake.Intake;
import org.redress.server.intake.NewReport;
import org.redress.server.intake.ReporterRole;
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures over HTTP: JSON and CSV for compliance staff and auditors, nothing for anyone else, a
 * wrong period answered 400; the export streams CSV; the compliance page shows the same figures.
 */
@ServiceTest
class TransparencyApiIntegrationTests {

    private static final Actor TESTER = new Actor.Operator("test");

    @Autowired
    MockMvc mvc;

    @Autowired
    Identity identity;

    @Autowired
    Intake intake;

    @Autowired
    Transparency transparency;

    @Autowired
    Clock clock;

    private String today;

    private String key(Role role) {
        return "Bearer "
                + identity.createUser(
                                TESTER,
                                Username.of(role.name().toLowerCase(Locale.ROOT) + "-"
                                        + UUID.randomUUID().toString().substring(0, 8)),
                                role,
                                true)
                        .apiKey()
                        .orElseThrow()
                        .secret();
    }

    @BeforeEach
    void aReportToday() {
        today = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
        intake.report(
                new Actor.Public(),
                Channel.PUBLIC,
                new NewReport(
                        ReporterRole.SUBJECT,
                        new Declarations(true, true, true),
                        "Alex Example",
                        List.of(ContentLocator.of("transparency-" + UUID.randomUUID())),
                        Optional.empty(),
                        false,
                        Optional.empty()),
                Optional.empty());
    }

    @Test
    void givesComplianceAndAuditorsTheFiguresTheRecordShows() throws Exception {
        long expected = transparency.report(Period.parse(today, today)).reportsReceived();
        assertThat(expected).isPositive();
        for (Role role : List.of(Role.COMPLIANCE, Role.AUDITOR)) {
            String body = mvc.perform(get("/api/v1/transparency")
                            .param("from", today)
                            .param("to", today)
                            .header("Authorization", key(role)))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith("application/json"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            var json = JsonMapper.builder().build().readTree(body);
            assertThat(json.get("reportsReceived").asLong()).isEqualTo(expected);
            for (String figure : List.of(
                    "contentRemoved",
                    "removedWithinDeadline",
                    "deadlineBreaches",
                    "appealsReceived",
                    "appealsReversed")) {
                assertThat(json.get(figure).isIntegralNumber()).as(figure).isTrue();
            }
        }
        mvc.perform(get("/api/v1/transparency")
                        .param("from", today)
                        .param("to", today)
                        .header("Authorization", key(Role.MODERATOR)))
                .andExpect(status().isForbidden());
    }

    @Test
    void answersCsvWhenAskedAndStreamsTheDecisions() throws Exception {
        String compliance = key(Role.COMPLIANCE);
        String csv = mvc.perform(get("/api/v1/transparency")
                        .param("from", today)
                        .param("to", today)
                        .param("format", "csv")
                        .header("Authorization", compliance))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv.lines().findFirst()).contains("figure,group,key,value");
        assertThat(csv).contains("reportsReceived,,,");
        mvc.perform(get("/api/v1/transparency/decisions")
                        .param("from", today)
                        .param("to", today)
                        .header("Authorization", compliance))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"decisions-" + today + "-to-" + today + ".csv\""))
                .andExpect(content().string(org.hamcrest.Matchers.startsWith("decision_id,kind,case_ref,")));
    }

    @Test
    void refusesADateThatIsNoneAndAPeriodThatEndsBeforeItStarts() throws Exception {
        String auditor = key(Role.AUDITOR);
        mvc.perform(get("/api/v1/transparency")
                        .param("from", "2026-13-01")
                        .param("to", today)
                        .header("Authorization", auditor))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].pointer").value("#/from"));
        mvc.perform(get("/api/v1/transparency")
                        .param("from", "2026-11-02")
                        .param("to", "2026-11-01")
                        .header("Authorization", auditor))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("#/to"));
        mvc.perform(get("/api/v1/transparency")
                        .param("from", today)
                        .param("to", today)
                        .param("format", "xml")
                        .header("Authorization", auditor))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("#/format"));
    }

    @Test
    void showsComplianceStaffTheFiguresOnTheirPage() throws Exception {
        String username = "compliance-" + UUID.randomUUID().toString().substring(0, 8);
        identity.createUser(TESTER, Username.of(username), Role.COMPLIANCE, false);
        // A new account must choose its password before any page opens.
        identity.changePassword(TESTER, Username.of(username), "figures password 1");
        long expected = transparency.report(Period.parse(today, today)).reportsReceived();

        String page = mvc.perform(get("/transparency")
                        .param("from", today)
                        .param("to", today)
                        .with(user(username).roles("COMPLIANCE")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("data-figure=\"reportsReceived\">" + expected + "<");
        assertThat(page).contains("/transparency/decisions.csv?from=" + today + "&amp;to=" + today);
        mvc.perform(get("/transparency/figures.csv")
                        .param("from", today)
                        .param("to", today)
                        .with(user(username).roles("COMPLIANCE")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"));
    }
}
