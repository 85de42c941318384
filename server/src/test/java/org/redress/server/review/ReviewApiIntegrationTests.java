package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** The case API of interface.md over HTTP: who may call it, and the problems it answers. */
@ServiceTest
class ReviewApiIntegrationTests {

    private static final Actor TESTER = new Actor.Operator("test");

    @Autowired
    MockMvc mvc;

    @Autowired
    Identity identity;

    private String alice;
    private String bob;
    private String platform;

    @BeforeEach
    void issueKeys() {
        alice = key(Role.MODERATOR);
        bob = key(Role.MODERATOR);
        platform = "Bearer "
                + identity.issueApiKey(TESTER, "platform", Role.PLATFORM).secret();
    }

    private String key(Role role) {
        return "Bearer "
                + identity.createUser(
                                TESTER,
                                Username.of(
                                        "mod-" + UUID.randomUUID().toString().substring(0, 8)),
                                role,
                                true)
                        .apiKey()
                        .orElseThrow()
                        .secret();
    }

    private String fileReport() throws Exception {
        String body = mvc.perform(post("/api/v1/reports")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"reporterRole":"SUBJECT",
                         "declarations":{"intimateImage":true,"subjectOrAuthorised":true,"goodFaithAndTrue":true},
                         "signature":"Sam Example","contentLocators":["api-%s"],
                          "subjectWasUnder18":false}""".formatted(UUID.randomUUID())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonMapper.builder().build().readTree(body).get("caseRef").asString();
    }

    private ResultActions decide(String key, String ref, String json) throws Exception {
        return mvc.perform(post("/api/v1/cases/" + ref + "/decision")
                .header("Authorization", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void listsOpenCasesMostUrgentFirstForModeratorsOnly() throws Exception {
        String ref = fileReport();
        mvc.perform(get("/api/v1/cases?state=OPEN&limit=500").header("Authorization", alice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + ref + "')].state").value("OPEN"))
                .andExpect(jsonPath("$[?(@.id == '" + ref + "')].source").value("PERSON_DEPICTED"));
        mvc.perform(get("/api/v1/cases").header("Authorization", platform))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        mvc.perform(get("/api/v1/cases")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/cases/" + ref).header("Authorization", key(Role.ADMIN)))
                .andExpect(status().isForbidden());
    }

    @Test
    void listsEscalatedCasesUnderOpenForSeniorModeratorsOnly() throws Exception {
        String ref = fileReport();
        mvc.perform(post("/api/v1/cases/" + ref + "/claim").header("Authorization", alice))
                .andExpect(status().isOk());
        decide(alice, ref, "{\"outcome\":\"ESCALATE\"}").andExpect(status().isOk());
        String senior = key(Role.SENIOR_MODERATOR);

        String forModerator = mvc.perform(
                        get("/api/v1/cases?state=OPEN&limit=500").header("Authorization", bob))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String forSenior = mvc.perform(get("/api/v1/cases?state=OPEN&limit=500").header("Authorization", senior))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(forModerator).as("a case the moderator could not claim").doesNotContain(ref);
        assertThat(forSenior).contains(ref);
    }

    @Test
    void answersClaimsAndDecisionsWithTheirProblemTypes() throws Exception {
        String ref = fileReport();
        mvc.perform(post("/api/v1/cases/RD-NONE-NONE-NONE/claim").header("Authorization", alice))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/review-case-not-found"));
        mvc.perform(post("/api/v1/cases/not a ref/claim").header("Authorization", alice))
                .andExpect(status().isNotFound());
        decide(alice, ref, "{\"outcome\":\"REMOVE\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/not-claimant"));

        mvc.perform(post("/api/v1/cases/" + ref + "/claim").header("Authorization", alice))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.claimedBy").isNotEmpty());
        mvc.perform(post("/api/v1/cases/" + ref + "/claim").header("Authorization", bob))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/case-claimed"))
                .andExpect(jsonPath("$.caseRef").value(ref));
        decide(bob, ref, "{\"outcome\":\"NO_VIOLATION\",\"reasonCode\":\"CONTENT_NOT_FOUND\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/not-claimant"));

        decide(alice, ref, "{\"outcome\":\"NO_VIOLATION\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/invalid-decision"))
                .andExpect(jsonPath("$.field").value("reasonCode"));
        decide(alice, ref, "{\"outcome\":\"DELETE_EVERYTHING\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"));
        decide(alice, ref, "{\"outcome\":\"REMOVE\",\"basis\":\"TERMS_OF_SERVICE\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("policy"));

        decide(
                        alice,
                        ref,
                        "{\"outcome\":\"NO_VIOLATION\",\"reasonCode\":\"CONTENT_NOT_FOUND\","
                                + "\"statement\":\"Link is dead\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("NO_VIOLATION"))
                .andExpect(jsonPath("$.state").value("NO_VIOLATION"))
                .andExpect(jsonPath("$.reasonCode").value("CONTENT_NOT_FOUND"));
        decide(alice, ref, "{\"outcome\":\"NO_VIOLATION\",\"reasonCode\":\"CONTENT_NOT_FOUND\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/case-not-decidable"));
        mvc.perform(get("/api/v1/cases/" + ref).header("Authorization", bob))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decisions[0].outcome").value("NO_VIOLATION"))
                .andExpect(jsonPath("$.reports[0].hasContact").value(false))
                .andExpect(jsonPath("$.history[0].what").value("OPENED"));
    }

    @Test
    void letsOnlySeniorModeratorsReassign() throws Exception {
        String ref = fileReport();
        mvc.perform(post("/api/v1/cases/" + ref + "/reassign")
                        .header("Authorization", alice)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"someone\"}"))
                .andExpect(status().isForbidden());
        String someone = "someone-" + UUID.randomUUID().toString().substring(0, 8);
        identity.createUser(TESTER, Username.of(someone), Role.MODERATOR, false);
        mvc.perform(post("/api/v1/cases/" + ref + "/reassign")
                        .header("Authorization", key(Role.SENIOR_MODERATOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + someone + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.claimedBy").value(someone));
    }
}
