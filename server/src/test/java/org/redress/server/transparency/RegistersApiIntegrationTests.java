package org.redress.server.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The registers and policies over HTTP: compliance staff record and publish, auditors read and
 * cannot write, other roles see nothing; wrong fields are a 400 naming each; the public reads the
 * policy in force on its page and over the API without who published it; removal requests stream
 * as CSV.
 */
@ServiceTest
class RegistersApiIntegrationTests {

    private static final Actor TESTER = new Actor.Operator("test");

    private static final String ACCOUNTABLE = """
            {"name": "Sam Lead", "role": "Head of Trust and Safety", "accountableTo": "The board",
             "since": "2026-01-05"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    Identity identity;

    @Autowired
    Clock clock;

    @Autowired
    Transparency transparency;

    private String key(Role role) {
        return "Bearer "
                + identity.createUser(
                                TESTER,
                                Username.of(role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
                                        + UUID.randomUUID().toString().substring(0, 8)),
                                role,
                                true)
                        .apiKey()
                        .orElseThrow()
                        .secret();
    }

    @Test
    void letsComplianceRecordVersionsThatAuditorsReadAndNobodyElseSees() throws Exception {
        String compliance = key(Role.COMPLIANCE);
        String auditor = key(Role.AUDITOR);
        String location = mvc.perform(post("/api/v1/registers/accountable-individual/versions")
                        .header("Authorization", compliance)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ACCOUNTABLE))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.content.name").value("Sam Lead"))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        assertThat(location).matches("/api/v1/registers/accountable-individual/versions/\\d+");
        mvc.perform(get(location).header("Authorization", auditor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.role").value("Head of Trust and Safety"))
                .andExpect(jsonPath("$.recordedBy").isNotEmpty());
        mvc.perform(get("/api/v1/registers").header("Authorization", auditor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.registers.length()").value(3));
        mvc.perform(post("/api/v1/registers/accountable-individual/versions")
                        .header("Authorization", auditor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ACCOUNTABLE))
                .andExpect(status().isForbidden());
        for (Role role : new Role[] {Role.MODERATOR, Role.ADMIN}) {
            mvc.perform(get("/api/v1/registers").header("Authorization", key(role)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void namesEveryWrongFieldAndAnswersAnUnknownVersionNotFound() throws Exception {
        String compliance = key(Role.COMPLIANCE);
        mvc.perform(post("/api/v1/registers/measures/versions")
                        .header("Authorization", compliance)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"measures": [{"code": "C14", "status": "TAKEN", "description": "Hash matching",
                                  "inEffectFrom": "2026-09-30"},
                                 {"code": "ICU D11", "status": "ALTERNATIVE", "description": "Complaints",
                                  "inEffectFrom": "2026-13-01"}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].pointer")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                "#/measures/0/code", "#/measures/1/inEffectFrom", "#/measures/1/note")));
        mvc.perform(get("/api/v1/registers/measures/versions/999").header("Authorization", compliance))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/register-version-not-found"));
        mvc.perform(get("/api/v1/registers/spreadsheet").header("Authorization", compliance))
                .andExpect(status().isNotFound());
    }

    @Test
    void publishesAPolicyThatThePublicReadsWithItsDate() throws Exception {
        String compliance = key(Role.COMPLIANCE);
        String title = "Removal requests " + UUID.randomUUID();
        mvc.perform(post("/api/v1/policies/take-it-down/versions")
                        .header("Authorization", compliance)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"" + title + "\", \"text\": \"## How to ask\\n\\nUse the form.\\n"
                                + "- your signature\\n- where it is\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"));

        mvc.perform(get("/api/v1/policies/take-it-down"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.publishedBy").doesNotExist());
        String page = mvc.perform(get("/take-it-down"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String today = org.redress.server.transparency.web.policies.Days.of(clock.instant());
        assertThat(page).contains(title).contains("In force since").contains(today);
        assertThat(page).contains("<li>your signature</li>").contains("id=\"policy-report-link\"");
        assertThat(page).doesNotContain("compliance-");
        mvc.perform(get("/policies/intimate-images"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("section 20A")));
        mvc.perform(post("/api/v1/policies/take-it-down/versions")
                        .header("Authorization", key(Role.AUDITOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"t\", \"text\": \"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/policies/take-it-down/versions/0")).andExpect(status().isNotFound());
    }

    @Test
    void streamsTheRemovalRequestsAndShowsTheRegistersToAuditors() throws Exception {
        String today = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
        mvc.perform(get("/api/v1/transparency/removal-requests")
                        .param("from", today)
                        .param("to", today)
                        .header("Authorization", key(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(org.hamcrest.Matchers.startsWith("case_ref,source,received_at,")));
        mvc.perform(get("/api/v1/transparency/removal-requests")
                        .param("from", today)
                        .param("to", "yesterday")
                        .header("Authorization", key(Role.AUDITOR)))
                .andExpect(status().isBadRequest());

        String username = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
        identity.createUser(TESTER, Username.of(username), Role.AUDITOR, false);
        identity.changePassword(TESTER, Username.of(username), "registers password 1");
        mvc.perform(post("/api/v1/registers/accountable-individual/versions")
                        .header("Authorization", key(Role.COMPLIANCE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ACCOUNTABLE))
                .andExpect(status().isCreated());
        String index = mvc.perform(get("/registers").with(user(username).roles("AUDITOR")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(index).contains("accountable-individual-versions").contains("(current)");
        String print = mvc.perform(get("/registers/accountable-individual/versions/1")
                        .with(user(username).roles("AUDITOR")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(print).contains("id=\"accountable-name\">Sam Lead<").contains("@media print");
    }

    @Test
    void drawsTheFiguresAsChartsBesideTheTables() throws Exception {
        String today = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
        String username = "compliance-" + UUID.randomUUID().toString().substring(0, 8);
        identity.createUser(TESTER, Username.of(username), Role.COMPLIANCE, false);
        identity.changePassword(TESTER, Username.of(username), "charts password 1");
        var report = transparency.report(Period.parse(today, today));

        String page = mvc.perform(get("/transparency")
                        .param("from", today)
                        .param("to", today)
                        .with(user(username).roles("COMPLIANCE")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("<figure class=\"chart\" id=\"chart-removals\">")
                .contains("<svg role=\"img\"");
        assertThat(page)
                .contains("Within 48 hours: " + report.removedWithin48Hours() + "; After 48 hours: "
                        + (report.contentRemoved() - report.removedWithin48Hours()));
        assertThat(page).doesNotContain("<script");
    }
}
