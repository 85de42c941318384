package org.redress.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.redress.server.TestDatabase;
import org.redress.server.cli.EvidenceService;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.shared.Actor;

/**
 * The compliance pages over real HTTP with a signed-in session and the CSRF token of each form: a
 * request recorded on the list page, the recorder told that another officer decides, approved by a
 * second officer, exported as a ZIP from its page; a case and a content item held and lifted on the
 * holds page. A moderator is refused the pages, and a form posted without its token is refused.
 */
class EvidencePagesIntegrationTests {

    private static final String PASSWORD = "a long enough password for tests 42";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void compliancePagesRecordDecideExportAndHold() throws Exception {
        try (var database = TestDatabase.create(TestDatabase.Vendor.SQLITE);
                var service = new EvidenceService(database)) {
            String caseRef = service.report("post-" + UUID.randomUUID());
            var first = new Browser(service, "officer-one", Role.COMPLIANCE);
            var second = new Browser(service, "officer-two", Role.COMPLIANCE);
            var moderator = new Browser(service, "moderator-two", Role.MODERATOR);
            assertThat(moderator.get("/evidence/requests").statusCode()).isEqualTo(403);
            assertThat(moderator.get("/evidence/holds").statusCode()).isEqualTo(403);

            String list = first.get("/evidence/requests").body();
            assertThat(first.postWithoutToken("/evidence/requests", "agency=x").statusCode())
                    .isEqualTo(403);
            var recorded = first.post(
                    "/evidence/requests",
                    list,
                    "agency=Greater+Manchester+Police&officer=DS+Ann+Lee&crimeReference=GMP-99&legalBasis="
                            + "DPA+2018+Sch+2&deadline=2027-02-01&scope=" + caseRef);
            assertThat(recorded.statusCode()).isEqualTo(302);
            String location = recorded.headers().firstValue("Location").orElseThrow();
            String path = URI.create(location).getPath();
            assertThat(path).startsWith("/evidence/requests/LE-");

            String own = first.get(path).body();
            assertThat(own).contains("id=\"four-eyes\"").contains("GMP-99").doesNotContain("id=\"approve\"");
            String page = second.get(path).body();
            assertThat(second.post(path + "/approval", page, "reason=Basis+checked")
                            .statusCode())
                    .isEqualTo(302);
            String approved = second.get(path).body();
            assertThat(approved).contains("APPROVED").contains("id=\"export\"");
            HttpResponse<String> bundle = second.post(path + "/bundle", approved, "");
            assertThat(bundle.statusCode()).isEqualTo(200);
            assertThat(bundle.headers().firstValue("Content-Type")).hasValue("application/zip");
            assertThat(second.get(path).body()).contains("EXPORTED").contains("id=\"hand-over-form\"");

            String holds = first.get("/evidence/holds").body();
            assertThat(first.post(
                                    "/evidence/holds/cases",
                                    holds,
                                    "caseRef=" + caseRef + "&reason=Order+5&until=2099-01-01")
                            .statusCode())
                    .isEqualTo(302);
            assertThat(first.post("/evidence/holds/content", holds, "contentId=post-77&reason=Preserve")
                            .statusCode())
                    .isEqualTo(302);
            String held = first.get("/evidence/holds").body();
            assertThat(held).contains(caseRef).contains("post-77").contains("2 Jan 2099");
            assertThat(service.bean(LegalHolds.class).caseHeld(caseRef)).isTrue();
            assertThat(service.bean(LegalHolds.class).contentHeld("post-77")).isTrue();
            first.post("/evidence/holds/content/release", held, "contentId=post-77");
            first.post("/evidence/holds/cases/release", held, "caseRef=" + caseRef);
            assertThat(first.get("/evidence/holds").body())
                    .contains("id=\"case-holds-empty\"")
                    .contains("id=\"content-holds-empty\"");
        }
    }

    /** A signed-in staff member's session. */
    private static final class Browser {
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private final String base;

        Browser(EvidenceService service, String name, Role role) throws Exception {
            base = service.base();
            var identity = service.bean(Identity.class);
            identity.createUser(new Actor.Operator("test"), Username.of(name), role, false);
            identity.changePassword(new Actor.Operator("test"), Username.of(name), PASSWORD);
            String signin = get("/signin").body();
            var signedIn = post(
                    "/signin",
                    signin,
                    "username=" + name + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(
                    HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Posts a form with the CSRF token of the page it came from. */
        HttpResponse<String> post(String path, String page, String form) throws Exception {
            Matcher token = CSRF.matcher(page);
            assertThat(token.find()).as("the page carries a CSRF token").isTrue();
            String body = "_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)
                    + (form.isEmpty() ? "" : "&" + form);
            return postWithoutToken(path, body);
        }

        HttpResponse<String> postWithoutToken(String path, String body) throws Exception {
            return client.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
