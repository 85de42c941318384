package org.redress.server.regressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redress.server.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security review, defect 2: a second report on a locator already reported joins the case for
 * review, but its reporter (possibly the uploader) sees only their own report: their own reference,
 * receipt time and deadline, their own history, and not the first report's child-protection routing.
 */
@ServiceTest
class Issue13ReporterIsolationIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    private JsonNode report(String locator, boolean under18) throws Exception {
        String body = mvc.perform(post("/api/v1/reports")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"reporterRole":"ON_BEHALF",
                         "declarations":{"intimateImage":true,"subjectOrAuthorised":true,"goodFaithAndTrue":true},
                         "signature":"Sam Example","contentLocators":["%s"],
                         "subjectWasUnder18":%s}""".formatted(locator, under18)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JSON.readTree(body);
    }

    private JsonNode statusOf(String ref, String token) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/v1/reports/" + ref).header("X-Case-Token", token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static List<String> history(JsonNode status) {
        List<String> what = new ArrayList<>();
        status.path("history").forEach(event -> what.add(event.path("what").asString()));
        return what;
    }

    @Test
    void showsTheSecondReporterOnlyTheirOwnReport() throws Exception {
        String locator = "https://platform.example/p/" + UUID.randomUUID();
        JsonNode first = report(locator, true);
        JsonNode second = report(locator, false);

        String firstRef = first.path("caseRef").asString();
        String secondRef = second.path("caseRef").asString();
        assertThat(secondRef).isNotEqualTo(firstRef).startsWith("RD-");
        Instant received = Instant.parse(second.path("receivedAt").asString());
        assertThat(Instant.parse(second.path("removalDeadline").asString()))
                .isEqualTo(received.plus(Duration.ofHours(48)));
        assertThat(second.path("route").asString()).isEqualTo("INTIMATE_IMAGE");

        JsonNode secondStatus = statusOf(secondRef, second.path("statusToken").asString());
        assertThat(secondStatus.path("caseRef").asString()).isEqualTo(secondRef);
        assertThat(secondStatus.path("route").asString()).isEqualTo("INTIMATE_IMAGE");
        assertThat(Instant.parse(secondStatus.path("removalDeadline").asString()))
                .isEqualTo(received.plus(Duration.ofHours(48)));
        assertThat(history(secondStatus)).containsExactly("REPORT_RECEIVED");

        JsonNode firstStatus = statusOf(firstRef, first.path("statusToken").asString());
        assertThat(firstStatus.path("route").asString()).isEqualTo("CHILD_PROTECTION");
        assertThat(history(firstStatus)).contains("REPORT_RECEIVED", "ROUTED_TO_CHILD_PROTECTION");
    }

    @Test
    void opensEachReportOnlyWithItsOwnReferenceAndToken() throws Exception {
        String locator = "https://platform.example/p/" + UUID.randomUUID();
        JsonNode first = report(locator, false);
        JsonNode second = report(locator, false);

        mvc.perform(get("/api/v1/reports/" + first.path("caseRef").asString())
                        .header("X-Case-Token", second.path("statusToken").asString()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reports/" + second.path("caseRef").asString())
                        .header("X-Case-Token", first.path("statusToken").asString()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/reports/" + second.path("caseRef").asString() + "/complaints")
                        .header("X-Case-Token", second.path("statusToken").asString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"Nothing has happened yet.\"}"))
                .andExpect(status().isCreated());
    }
}
