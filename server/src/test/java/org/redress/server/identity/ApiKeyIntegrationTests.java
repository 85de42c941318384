package org.redress.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redress.server.ServiceTest;
import org.redress.server.identity.accounts.ApiKeySecrets;
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ServiceTest
class ApiKeyIntegrationTests {

    private static final Actor TESTER = new Actor.Operator("test");

    @Autowired
    MockMvc mvc;

    @Autowired
    Identity identity;

    private static String bearer(String secret) {
        return "Bearer " + secret;
    }

    private String adminKey() {
        var account = identity.createUser(
                TESTER, Username.of("admin-" + UUID.randomUUID().toString().substring(0, 8)), Role.ADMIN, true);
        return account.apiKey().orElseThrow().secret();
    }

    @Test
    void rejectsAnUnknownKey() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", bearer(ApiKeySecrets.generate())))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/unauthenticated"));
    }

    @Test
    void rejectsARevokedKey() throws Exception {
        var issued = identity.issueApiKey(TESTER, "soon revoked", Role.PLATFORM);
        mvc.perform(get("/api/v1/me").header("Authorization", bearer(issued.secret())))
                .andExpect(status().isOk());
        identity.revokeApiKey(TESTER, issued.key().id());
        mvc.perform(get("/api/v1/me").header("Authorization", bearer(issued.secret())))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/unauthenticated"));
    }

    @Test
    void forbidsAKeyOfTheWrongRole() throws Exception {
        var platform = identity.issueApiKey(TESTER, "platform", Role.PLATFORM);
        mvc.perform(get("/api/v1/admin/users").header("Authorization", bearer(platform.secret())))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
    }

    @Test
    void letsAnAdminKeyIssueAWorkingMachineKey() throws Exception {
        String body = mvc.perform(post("/api/v1/admin/api-keys")
                        .header("Authorization", bearer(adminKey()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Acme\",\"role\":\"flagger\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.key.role").value("FLAGGER"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String secret = body.replaceAll(".*\"apiKey\":\"(rdk_[^\"]+)\".*", "$1");
        mvc.perform(get("/api/v1/me").header("Authorization", bearer(secret)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("ROLE_FLAGGER"));
    }

    @Test
    void protectsPrometheusMetrics() throws Exception {
        var platform = identity.issueApiKey(TESTER, "scraper?", Role.PLATFORM);
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", bearer(platform.secret())))
                .andExpect(status().isForbidden());
        String metrics = mvc.perform(get("/actuator/prometheus").header("Authorization", bearer(adminKey())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(metrics).contains("jvm_memory_used_bytes");
    }

    @Test
    void reportsHealthWithoutDetails() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"status\":\"UP\"}", org.springframework.test.json.JsonCompareMode.STRICT));
    }

    @Test
    void servesTheOpenApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Redress API"))
                .andExpect(jsonPath("$.paths['/api/v1/me']").exists());
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void answersMalformedJsonWithoutEchoingOrLoggingIt(CapturedOutput output) throws Exception {
        String body = mvc.perform(post("/api/v1/admin/api-keys")
                        .header("Authorization", bearer(adminKey()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"jane.doe@example.org\", "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).doesNotContain("jane.doe").doesNotContain("Exception").doesNotContain("at org.");
        assertThat(output.getAll()).doesNotContain("jane.doe");
    }

    @Test
    void pointsAtInvalidFieldsWithoutTheirValues() throws Exception {
        mvc.perform(post("/api/v1/admin/api-keys")
                        .header("Authorization", bearer(adminKey()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"   \",\"role\":\"platform\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].pointer").value("#/name"))
                .andExpect(jsonPath("$.errors[0].constraint").value("NotBlank"));
    }

    @Test
    void answersARuleViolationWithItsDocumentedType() throws Exception {
        mvc.perform(post("/api/v1/admin/api-keys")
                        .header("Authorization", bearer(adminKey()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"role\":\"admin\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/role-not-allowed"))
                .andExpect(jsonPath("$.role").value("ADMIN"));
    }

    @Test
    void answersUnknownPathsWithNotFound() throws Exception {
        mvc.perform(get("/api/v1/no-such-thing").header("Authorization", bearer(adminKey())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
    }

    @Test
    void letsAuditorsReadAndVerifyTheAuditLog() throws Exception {
        var auditor = identity.createUser(
                TESTER, Username.of("aud-" + UUID.randomUUID().toString().substring(0, 8)), Role.AUDITOR, true);
        String key = bearer(auditor.apiKey().orElseThrow().secret());
        mvc.perform(get("/api/v1/audit/verification").header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true));
        mvc.perform(get("/api/v1/audit/entries")
                        .param("after", "0")
                        .param("limit", "2")
                        .header("Authorization", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].seq").value(1))
                .andExpect(jsonPath("$[1].prevHash").exists())
                .andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/api/v1/audit/entries").param("limit", "5000").header("Authorization", key))
                .andExpect(status().isBadRequest());
    }
}
