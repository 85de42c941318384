package org.redress.server.regressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 21: a refusal on a page is a page, not a problem document shown as raw JSON; the API keeps
 * its problem documents. Browsers ask for {@code text/html} by name; API clients do not.
 */
@ServiceTest
class Issue21ProblemPagesIntegrationTests {

    /** What Chromium sends when it navigates or submits a form. */
    static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    @Autowired
    MockMvc mvc;

    @Autowired
    Identity identity;

    @Autowired
    Intake intake;

    private static void assertPage(MockHttpServletResponse response, int status, String heading) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
        assertThat(response.getContentAsString())
                .contains("<h1 id=\"problem-title\">" + heading + "</h1>", "name=\"viewport\"")
                .doesNotContain("\"type\"", "/problems/");
    }

    @Test
    void answersAnOversizedReportFormWithAPage() throws Exception {
        var response = mvc.perform(post("/report")
                        .header("Accept", BROWSER_ACCEPT)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("description=" + "a".repeat(70_000)))
                .andReturn()
                .getResponse();

        // The report form's own refusal page: it tells the person their answers are still in the form.
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
        assertThat(response.getContentAsString())
                .contains("Not sent yet", "name=\"viewport\"", "answers are still in the form")
                .doesNotContain("\"type\"", "/problems/");
    }

    @Test
    void keepsTheProblemDocumentForTheApi() throws Exception {
        var response = mvc.perform(post("/api/v1/reports")
                        .header("Accept", "application/json")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\":\"" + "a".repeat(70_000) + "\"}"))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getContentAsString()).contains("\"type\":\"/problems/payload-too-large\"");
    }

    @Test
    void showsAModeratorWhoOpensAChildProtectionCaseAPage() throws Exception {
        String name = "mod-" + UUID.randomUUID().toString().substring(0, 8);
        identity.createUser(new Actor.Operator("test"), Username.of(name), Role.MODERATOR, false);
        identity.changePassword(new Actor.Operator("test"), Username.of(name), "a long moderator password");
        var report = new NewReport(
                ReporterRole.SUBJECT,
                new Declarations(true, true, true),
                "Alex Example",
                List.of(ContentLocator.of("https://platform.example/p/" + UUID.randomUUID())),
                Optional.empty(),
                true,
                Optional.empty());
        String ref = intake.report(new Actor.Public(), Channel.PUBLIC, report, Optional.empty())
                .caseRef()
                .value();

        var page = mvc.perform(get("/review/cases/" + ref)
                        .header("Accept", BROWSER_ACCEPT)
                        .with(user(name).roles(Role.MODERATOR.name())))
                .andReturn()
                .getResponse();
        assertPage(page, 403, "Not allowed");
        assertThat(page.getContentAsString()).contains("for senior moderators");

        var api = mvc.perform(get("/api/v1/cases/" + ref)
                        .header("Accept", "application/json")
                        .with(user(name).roles(Role.MODERATOR.name())))
                .andReturn()
                .getResponse();
        assertThat(api.getStatus()).isEqualTo(403);
        assertThat(api.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }
}
