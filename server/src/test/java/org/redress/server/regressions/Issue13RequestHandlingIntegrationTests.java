package org.redress.server.regressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security review, defects 4, 8, 9, 10, 14 and 17: a personal API key acts as its owner; a case is
 * reassigned only to an enabled moderator; a multipart body without a boundary is a 400; NUL
 * characters are refused in every text input; JSON bodies have a limit per endpoint; pages send no
 * Referer; idempotency keys are scoped by route.
 */
@ServiceTest
class Issue13RequestHandlingIntegrationTests {

    private static final Actor ADMIN = new Actor.Operator("test");

    @Autowired
    MockMvc mvc;

    @Autowired
    Identity identity;

    @LocalServerPort
    int port;

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private String keyOf(String username, Role role) {
        return "Bearer "
                + identity.createUser(ADMIN, Username.of(username), role, true)
                        .apiKey()
                        .orElseThrow()
                        .secret();
    }

    private String report() throws Exception {
        String body = mvc.perform(post("/api/v1/reports")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"reporterRole":"SUBJECT",
                         "declarations":{"intimateImage":true,"subjectOrAuthorised":true,"goodFaithAndTrue":true},
                         "signature":"Sam Example","contentLocators":["i13-%s"],
                          "subjectWasUnder18":false}""".formatted(unique())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonMapper.builder().build().readTree(body).path("caseRef").asString();
    }

    @Test
    void letsAPersonalKeyActAsItsOwner() throws Exception {
        String name = "senior-" + unique();
        String key = keyOf(name, Role.SENIOR_MODERATOR);

        mvc.perform(get("/api/v1/me").header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actorKind").value("STAFF"))
                .andExpect(jsonPath("$.actorId").value(name));
    }

    @Test
    void reassignsOnlyToAnEnabledModerator() throws Exception {
        String ref = report();
        String senior = keyOf("senior-" + unique(), Role.SENIOR_MODERATOR);
        String admin = "admin-" + unique();
        identity.createUser(ADMIN, Username.of(admin), Role.ADMIN, false);
        String auditor = "auditor-" + unique();
        identity.createUser(ADMIN, Username.of(auditor), Role.AUDITOR, false);
        String leaver = "leaver-" + unique();
        identity.createUser(ADMIN, Username.of(leaver), Role.MODERATOR, false);
        identity.setEnabled(ADMIN, Username.of(leaver), false);

        for (String target : new String[] {"nobody-" + unique(), admin, auditor, leaver, "Not A Name!"}) {
            mvc.perform(post("/api/v1/cases/" + ref + "/reassign")
                            .header("Authorization", senior)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"" + target + "\"}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.type").value("/problems/reassign-target-invalid"));
        }
        mvc.perform(get("/api/v1/cases/" + ref).header("Authorization", senior))
                .andExpect(jsonPath("$.reviewCase.claimedBy").doesNotExist());
    }

    @Test
    void answersAMultipartBodyWithoutABoundaryWithA400() throws Exception {
        String platform = "Bearer "
                + identity.issueApiKey(ADMIN, "platform-" + unique(), Role.PLATFORM)
                        .secret();
        try (var client = HttpClient.newHttpClient()) {
            var response = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/checks"))
                            .header("Authorization", platform)
                            .header("Content-Type", "multipart/form-data")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "--x\r\nContent-Disposition: form-data; name=\"image\"\r\n\r\nab\r\n--x--\r\n"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void refusesAJsonCheckOverItsLimitBeforeParsingIt() throws Exception {
        String platform = "Bearer "
                + identity.issueApiKey(ADMIN, "platform-" + unique(), Role.PLATFORM)
                        .secret();
        String padding = "x".repeat(70 * 1024);

        mvc.perform(post("/api/v1/checks")
                        .header("Authorization", platform)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contentId\":\"" + padding + "\",\"uploaderId\":\"u\",\"pdq\":\"00\"}"))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.type").value("/problems/payload-too-large"));
        String admin = keyOf("admin-" + unique(), Role.ADMIN);
        mvc.perform(post("/api/v1/banks")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + "y".repeat(1100 * 1024) + "\",\"action\":\"BLOCK\"}"))
                .andExpect(status().isContentTooLarge());
    }

    @Test
    void sendsNoRefererFromAnyPage() throws Exception {
        mvc.perform(get("/signin")).andExpect(header().string("Referrer-Policy", "no-referrer"));
        mvc.perform(get("/report")).andExpect(header().string("Referrer-Policy", "no-referrer"));
    }

    @Test
    void scopesIdempotencyKeysByRoute() throws Exception {
        String key = "i13-" + unique();
        mvc.perform(post("/api/v1/reports")
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"reporterRole":"SUBJECT",
                                 "declarations":{"intimateImage":true,
                                 "subjectOrAuthorised":true,"goodFaithAndTrue":true},
                                 "signature":"Sam Example","contentLocators":["i13-%s"],
                                  "subjectWasUnder18":false}""".formatted(unique())))
                .andExpect(status().isCreated());

        mvc.perform(post("/api/v1/hash-submissions")
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"hashes":[{"pdq":"%s"}],
                                 "declarations":{"subjectOrAuthorised":true,
                                  "goodFaithAndTrue":true}}""".formatted("f0e1d2c3b4a59687".repeat(4))))
                .andExpect(status().isCreated());
    }

    @Test
    void refusesNulCharactersInJsonFormAndMultipartText() throws Exception {
        String admin = keyOf("admin-" + unique(), Role.ADMIN);
        String bank = "nul-" + unique();
        mvc.perform(post("/api/v1/banks")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + bank + "\",\"action\":\"BLOCK\"}"))
                .andExpect(status().isCreated());

        mvc.perform(post("/api/v1/banks/" + bank + "/hashes")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"md5\":\"" + "ab".repeat(16) + "\",\"note\":\"a\\u0000b\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"));
        mvc.perform(post("/api/v1/banks/" + bank + "/hashes")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"md5\":\"" + "cd".repeat(16) + "\",\"note\":\"a\\\\u0000b is text\"}"))
                .andExpect(status().isCreated());

        String platform = "Bearer "
                + identity.issueApiKey(ADMIN, "platform-" + unique(), Role.PLATFORM)
                        .secret();
        mvc.perform(post("/api/v1/checks")
                        .header("Authorization", platform)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contentId\":\"c\\u0000" + unique() + "\",\"uploaderId\":\"u\",\"pdq\":\""
                                + "f0e1d2c3b4a59687".repeat(4) + "\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/signin").param("username", "a\u0000b").param("password", "whatever it is"))
                .andExpect(status().isBadRequest());
    }
}
