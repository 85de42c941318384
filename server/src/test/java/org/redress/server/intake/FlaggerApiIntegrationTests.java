package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The trusted-flagger register over HTTP and on its staff pages: compliance staff add and change
 * entries, auditors read, others are refused; wrong fields, an unknown entry and a key of another
 * entry are 4xx problems; a report on a listed key is a trusted flagger's notice on its case, and
 * one on an unlisted key is still filed, as an ordinary report, and the case says so.
 */
@ServiceTest
class FlaggerApiIntegrationTests {

    private static final Actor TESTER = new Actor.Operator("test");
    private static final String PASSWORD = "a long enough password for tests 42";

    @Autowired
    MockMvc mvc;

    @Autowired
    Identity identity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

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

    private static String entry(String organisation, String keyId) {
        String body = """
                {"organisation": "%s", "awardedBy": "Coimisiún na Meán", "expertise": "intimate image abuse",
                 "contact": "reports@helpline.example", "since": "2026-01-01", "apiKeys": ["%s"]}""";
        return body.formatted(organisation, keyId);
    }

    private static String report(String locator) {
        return """
                {"reporterRole":"ON_BEHALF",
                 "declarations":{"intimateImage":true,"subjectOrAuthorised":true,"goodFaithAndTrue":true},
                 "signature":"Helpline Staff",
                 "contentLocators":["%s"],
                 "subjectWasUnder18":false}
                """.formatted(locator);
    }

    @Test
    void letsComplianceKeepTheRegisterAndAuditorsReadIt() throws Exception {
        String compliance = key(Role.COMPLIANCE);
        String auditor = key(Role.AUDITOR);
        var flaggerKey = identity.issueApiKey(TESTER, "helpline", Role.FLAGGER);
        String keyId = flaggerKey.key().id().toString();

        String location = mvc.perform(post("/api/v1/flaggers")
                        .header("Authorization", compliance)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(entry("Helpline", keyId)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.standingToday").value("CURRENT"))
                .andExpect(jsonPath("$.apiKeys[0]").value(keyId))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        assertThat(location).matches("/api/v1/flaggers/[0-9a-f-]{36}");
        mvc.perform(put(location)
                        .header("Authorization", compliance)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(entry("Helpline Ireland", keyId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(get(location + "/versions").header("Authorization", auditor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].organisation").value("Helpline"));
        mvc.perform(get("/api/v1/flaggers").header("Authorization", auditor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.flaggers[?(@.organisation == 'Helpline Ireland')]")
                        .exists());
        mvc.perform(post("/api/v1/flaggers")
                        .header("Authorization", auditor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(entry("Other", keyId)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/flaggers").header("Authorization", key(Role.MODERATOR)))
                .andExpect(status().isForbidden());
    }

    @Test
    void answersWrongFieldsAnUnknownEntryAndATakenKeyWithProblems() throws Exception {
        String compliance = key(Role.COMPLIANCE);
        String keyId =
                identity.issueApiKey(TESTER, "hotline", Role.FLAGGER).key().id().toString();
        String platformKey = identity.issueApiKey(TESTER, "platform", Role.PLATFORM)
                .key()
                .id()
                .toString();
        mvc.perform(post("/api/v1/flaggers")
                        .header("Authorization", compliance)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"organisation": "", "since": "tomorrow", "until": "2020-01-01",
                                 "apiKeys": ["%s"]}""".formatted(platformKey)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[*].pointer")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                "#/organisation",
                                "#/awardedBy",
                                "#/expertise",
                                "#/contact",
                                "#/since",
                                "#/apiKeys/0")));
        mvc.perform(put("/api/v1/flaggers/" + UUID.randomUUID())
                        .header("Authorization", compliance)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(entry("Nobody", keyId)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/flagger-not-found"));
        mvc.perform(post("/api/v1/flaggers")
                        .header("Authorization", compliance)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(entry("Hotline", keyId)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/flaggers")
                        .header("Authorization", compliance)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(entry("Copycat", keyId)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/flagger-key-taken"))
                .andExpect(jsonPath("$.apiKey").value(keyId));
        mvc.perform(post("/api/v1/flaggers")
                        .header("Authorization", compliance)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"));
    }

    @Test
    void marksAListedKeysReportATrustedNoticeAndFilesAnUnlistedKeysAsAnOrdinaryReport() throws Exception {
        String compliance = key(Role.COMPLIANCE);
        String moderator = key(Role.MODERATOR);
        var listed = identity.issueApiKey(TESTER, "listed", Role.FLAGGER);
        var unlisted = identity.issueApiKey(TESTER, "unlisted", Role.FLAGGER);
        mvc.perform(post("/api/v1/flaggers")
                        .header("Authorization", compliance)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(entry("Listed Helpline", listed.key().id().toString())))
                .andExpect(status().isCreated());

        String trusted = filed(listed.secret());
        String ordinary = filed(unlisted.secret());

        mvc.perform(get("/api/v1/cases/" + trusted).header("Authorization", moderator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reports[0].channel").value("FLAGGER"))
                .andExpect(jsonPath("$.reports[0].flagger.standing").value("CURRENT"))
                .andExpect(jsonPath("$.reports[0].flagger.organisation").value("Listed Helpline"));
        mvc.perform(get("/api/v1/cases/" + ordinary).header("Authorization", moderator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reports[0].channel").value("PUBLIC"))
                .andExpect(jsonPath("$.reports[0].flagger.standing").value("NOT_REGISTERED"))
                .andExpect(jsonPath("$.reports[0].flagger.flaggerId").doesNotExist());
        assertThat(jdbc.sql("SELECT source FROM review_case WHERE case_ref = :ref")
                        .param("ref", trusted)
                        .query(String.class)
                        .single())
                .isEqualTo("TRUSTED_FLAGGER");
    }

    private String filed(String secret) throws Exception {
        String answer = mvc.perform(post("/api/v1/flagger/reports")
                        .header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(report("https://platform.example/c/" + UUID.randomUUID())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode receipt = json.readTree(answer);
        return receipt.get("caseRef").asString();
    }

    private MockHttpSession signedIn(Role role) throws Exception {
        String name = role.name().toLowerCase(Locale.ROOT) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        identity.createUser(TESTER, Username.of(name), role, false);
        identity.changePassword(TESTER, Username.of(name), PASSWORD);
        var session = new MockHttpSession();
        mvc.perform(post("/signin")
                        .session(session)
                        .with(csrf())
                        .param("username", name)
                        .param("password", PASSWORD))
                .andExpect(status().isFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/"));
        return session;
    }

    @Test
    void recordsEntriesFromTheStaffPageWithItsCsrfTokenOnly() throws Exception {
        String keyId = identity.issueApiKey(TESTER, "page-helpline", Role.FLAGGER)
                .key()
                .id()
                .toString();
        var compliance = signedIn(Role.COMPLIANCE);
        mvc.perform(get("/flaggers").session(compliance))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"add-flagger-form\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
        mvc.perform(get("/flaggers").session(signedIn(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("add-flagger-form"))));
        mvc.perform(post("/flaggers")
                        .session(compliance)
                        .param("organisation", "Page Helpline")
                        .param("awardedBy", "Coimisiún na Meán")
                        .param("expertise", "intimate image abuse")
                        .param("contact", "page@helpline.example")
                        .param("since", "2026-01-01")
                        .param("apiKeys", keyId))
                .andExpect(status().isForbidden());
        mvc.perform(post("/flaggers")
                        .session(compliance)
                        .with(csrf())
                        .param("organisation", "Page Helpline")
                        .param("awardedBy", "Coimisiún na Meán")
                        .param("expertise", "intimate image abuse")
                        .param("contact", "page@helpline.example")
                        .param("since", "2026-01-01")
                        .param("until", "")
                        .param("apiKeys", keyId))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/flaggers/*"));
        mvc.perform(post("/flaggers")
                        .session(compliance)
                        .with(csrf())
                        .param("organisation", "")
                        .param("since", "2026-01-01"))
                .andExpect(status().isFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/flaggers"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attributeExists("problems"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_flagger_version WHERE organisation = 'Page Helpline'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
