package org.redress.server.regressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redress.server.ServiceTest;
import org.redress.server.identity.PublicForms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14, reports as the law reads them: anyone may notify (EU DSA Art. 16), so a bystander
 * reports without claiming to be the person shown or to act for them; a report about a child needs
 * no typed name (Art. 16(2)(c)). The person shown, or someone for them, still declares that standing.
 */
@ServiceTest
class Issue14ReportsAsTheLawReadsThemIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    PublicForms publicForms;

    private int report(String role, boolean subjectOrAuthorised, String signature, boolean under18) throws Exception {
        return mvc.perform(post("/api/v1/reports")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reporterRole\":\"" + role + "\",\"declarations\":{\"intimateImage\":true,"
                                + "\"subjectOrAuthorised\":" + subjectOrAuthorised + ",\"goodFaithAndTrue\":true},"
                                + "\"signature\":\"" + signature + "\",\"contentLocators\":"
                                + "[\"https://platform.example/p/" + UUID.randomUUID() + "\"],"
                                + "\"subjectWasUnder18\":" + under18 + "}"))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void takesABystandersReportThatClaimsNoStanding() throws Exception {
        assertThat(report("BYSTANDER", false, "Sam Passer", false)).isEqualTo(201);
        assertThat(report("SUBJECT", false, "Sam Shown", false))
                .as("the person shown declares it")
                .isEqualTo(400);
    }

    @Test
    void takesAnUnsignedReportAboutAChildAndNoOtherUnsignedReport() throws Exception {
        assertThat(report("ON_BEHALF", true, "", true)).isEqualTo(201);
        assertThat(report("ON_BEHALF", true, "", false)).isEqualTo(400);
    }

    @Test
    void takesABystandersReportFromThePageWithoutTheStandingBox() throws Exception {
        var answer = mvc.perform(post("/report")
                        .param("reporterRole", "BYSTANDER")
                        .param("contentLocators", "https://platform.example/p/" + UUID.randomUUID())
                        .param("subjectWasUnder18", "no")
                        .param("intimateImage", "true")
                        .param("goodFaithAndTrue", "true")
                        .param("signature", "Sam Passer")
                        .param(PublicForms.FIELD, publicForms.issue()))
                .andReturn()
                .getResponse();

        assertThat(answer.getStatus()).as(answer.getContentAsString()).isIn(200, 201, 302, 303);
        assertThat(answer.getContentAsString()).doesNotContain("subjectOrAuthorised-error");
    }
}
