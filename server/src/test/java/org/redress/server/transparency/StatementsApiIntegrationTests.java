package org.redress.server.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.review.Decision;
import org.redress.server.review.DecisionRequest;
import org.redress.server.review.Moderator;
import org.redress.server.review.RemovalBasis;
import org.redress.server.review.Review;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The DSA statements over HTTP: JSON Lines valid against the schema for compliance staff and
 * auditors, nothing for anyone else, a wrong date answered 400; and a report's declared
 * jurisdiction, checked at the door.
 */
@ServiceTest
class StatementsApiIntegrationTests {

    private static final Actor TESTER = new Actor.Operator("test");
    private static final String REPORT = """
            {"reporterRole":"SUBJECT",
             "declarations":{"intimateImage":true,"subjectOrAuthorised":true,"goodFaithAndTrue":true},
             "signature":"Sam Example","contentLocators":["statements-%s"],
             "subjectWasUnder18":false%s}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    Identity identity;

    @Autowired
    Review review;

    @Autowired
    Clock clock;

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

    private CaseRef fileReport(String extra) throws Exception {
        String body = mvc.perform(post("/api/v1/reports")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REPORT.formatted(UUID.randomUUID(), extra)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return new CaseRef(
                JsonMapper.builder().build().readTree(body).get("caseRef").asString());
    }

    @Test
    void givesComplianceAndAuditorsTheStatementsAsValidJsonLines() throws Exception {
        CaseRef ref = fileReport(",\"jurisdiction\":\"GB-SCT\"");
        var moderator = new Moderator("statements-moderator", false);
        review.claim(moderator, ref);
        review.decide(
                moderator,
                ref,
                DecisionRequest.of(
                        new Decision.Remove(RemovalBasis.ILLEGAL_CONTENT, Optional.empty(), Optional.empty())));
        String today = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
        var schema = SchemaChecker.ofResource("transparency/dsa-statement.schema.json");
        for (Role role : List.of(Role.COMPLIANCE, Role.AUDITOR)) {
            String body = mvc.perform(get("/api/v1/transparency/statements")
                            .param("from", today)
                            .param("to", today)
                            .header("Authorization", key(role)))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith("application/x-ndjson"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<String> lines = body.lines().toList();
            assertThat(lines).isNotEmpty().anySatisfy(line -> assertThat(line).contains("(Scotland) Act 2016 s.2"));
            lines.forEach(line -> assertThat(schema.problems(line)).as(line).isEmpty());
        }
        mvc.perform(get("/api/v1/transparency/statements")
                        .param("from", today)
                        .param("to", today)
                        .header("Authorization", key(Role.MODERATOR)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/transparency/statements")
                        .param("from", "yesterday")
                        .param("to", today)
                        .header("Authorization", key(Role.COMPLIANCE)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("#/from"));
    }

    @Test
    void refusesAJurisdictionItKnowsNoLawOfNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/reports")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REPORT.formatted(UUID.randomUUID(), ",\"jurisdiction\":\"Atlantis\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("#/jurisdiction"));
    }
}
