package org.redress.server.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The staff API over the outbox: a test webhook, the lists by state, one delivery, retry rules. */
@ServiceTest
class DeliveryApiIntegrationTests {

    private static final Actor TESTER = new Actor.Operator("test");

    @Autowired
    MockMvc mvc;

    @Autowired
    Identity identity;

    private String admin;
    private String compliance;

    private String key(Role role) {
        return "Bearer "
                + identity.createUser(
                                TESTER,
                                Username.of(role.name().toLowerCase(java.util.Locale.ROOT) + "-"
                                        + UUID.randomUUID().toString().substring(0, 8)),
                                role,
                                true)
                        .apiKey()
                        .orElseThrow()
                        .secret();
    }

    @BeforeEach
    void keys() {
        admin = key(Role.ADMIN);
        compliance = key(Role.COMPLIANCE);
    }

    @Test
    void queuesATestWebhookThatWaitsWithoutAUrl() throws Exception {
        String answer = mvc.perform(post("/api/v1/deliveries/test").header("Authorization", admin))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonMapper.builder().build().readTree(answer).get("id").asString();

        mvc.perform(get("/api/v1/deliveries/" + id).header("Authorization", compliance))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("webhook.test"))
                .andExpect(jsonPath("$.state").value("PENDING"))
                .andExpect(jsonPath("$.attempts").value(0));
        String pending = mvc.perform(
                        get("/api/v1/deliveries").param("state", "PENDING").header("Authorization", compliance))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(pending).contains(id);
        mvc.perform(post("/api/v1/deliveries/" + id + "/retry").header("Authorization", admin))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(DeliveryNotGivenUpException.TYPE.toString()))
                .andExpect(jsonPath("$.state").value("PENDING"));
    }

    @Test
    void answersNotFoundForAnUnknownDelivery() throws Exception {
        mvc.perform(get("/api/v1/deliveries/" + UUID.randomUUID()).header("Authorization", admin))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(DeliveryNotFoundException.TYPE.toString()));
    }

    @Test
    void refusesAComplianceOfficerSendingATestWebhook() throws Exception {
        mvc.perform(post("/api/v1/deliveries/test").header("Authorization", compliance))
                .andExpect(status().isForbidden());
    }
}
