package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.RedressApplication;
import org.redress.server.TestDatabase;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.matching.BankEntry;
import org.redress.server.matching.BankName;
import org.redress.server.matching.Matching;
import org.redress.server.matching.Provenance;
import org.redress.server.matching.banks.MatchIndex;
import org.redress.server.review.cases.ReviewCases;
import org.redress.server.shared.Actor;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appeals end to end on each database, over real HTTP with real keys and a platform endpoint that
 * checks signatures: a moderator's removal, the uploader's appeal filed by the platform, the
 * original decider refused on it, a different senior moderator reversing it, a signed
 * {@code content.restore}, the image no longer blocked (its entries kept, disabled) and the strike
 * taken back; and an appeal through the hosted page that the statement of reasons links to.
 */
class AppealEndToEndOnBothDatabasesIntegrationTests {

    private static final Actor TESTER = new Actor.Operator("test");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    // http, so that the session cookie the page sets (Secure under https) comes back over the test's http.
    private static final String PUBLIC_URL = "http://appeals.example";
    private static final String IMAGE = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

    record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /**
     * The whole service on a database, a platform endpoint, a platform key and two senior moderators' keys
     * (shared with the other end-to-end suites of this package).
     */
    static final class Service implements AutoCloseable {
        final Platform platform = new Platform(Instant::now);
        final ConfigurableApplicationContext context;
        private final HttpClient client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final String base;
        final String platformKey;
        final String decider;
        final String otherSenior;
        private String reporterStatus = "";

        Service(TestDatabase database, String... moreArguments) throws Exception {
            var arguments = new ArrayList<>(List.of(
                    "--server.port=0",
                    "--redress.data=" + database.dataDirectory(),
                    "--redress.db-url=" + database.jdbcUrl(),
                    "--redress.public-url=" + PUBLIC_URL,
                    "--redress.webhook.url=" + platform.url(),
                    "--redress.webhook.secret=" + Platform.SECRET));
            arguments.addAll(List.of(moreArguments));
            context = new SpringApplicationBuilder(RedressApplication.class)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .registerShutdownHook(false)
                    .properties("logging.level.root=WARN", "logging.level.org.redress.server.storage=ERROR")
                    .run(arguments.toArray(String[]::new));
            base = "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port");
            var identity = context.getBean(Identity.class);
            platformKey =
                    identity.issueApiKey(TESTER, "platform", Role.PLATFORM).secret();
            decider = senior(identity, "decider");
            otherSenior = senior(identity, "appeals");
            context.getBean(MatchIndex.class).refresh();
        }

        private static String senior(Identity identity, String name) {
            return identity.createUser(TESTER, Username.of(name), Role.SENIOR_MODERATOR, true)
                    .apiKey()
                    .orElseThrow()
                    .secret();
        }

        /** Where the service listens, as {@code http://localhost:PORT}. */
        String base() {
            return base;
        }

        Answer send(String method, String path, String key, String json) throws Exception {
            var request = HttpRequest.newBuilder(URI.create(base + path))
                    .method(
                            method,
                            json.isEmpty()
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json));
            if (!key.isEmpty()) {
                request.header("Authorization", "Bearer " + key);
            }
            if (!json.isEmpty()) {
                request.header("Content-Type", "application/json");
            }
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        }

        String check(String contentId, String uploaderId) throws Exception {
            Answer answer = send(
                    "POST",
                    "/api/v1/checks",
                    platformKey,
                    "{\"contentId\":\"%s\",\"uploaderId\":\"%s\",\"pdq\":\"%s\"}"
                            .formatted(contentId, uploaderId, IMAGE));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            return answer.json().get("verdict").asString();
        }

        Answer appeal(String contentId, String uploaderId) throws Exception {
            return send(
                    "POST",
                    "/api/v1/appeals",
                    platformKey,
                    "{\"contentId\":\"%s\",\"uploaderId\":\"%s\",\"text\":\"It is a picture of me, posted by me.\"}"
                            .formatted(contentId, uploaderId));
        }

        Answer decide(String key, String caseRef, String outcome) throws Exception {
            send("POST", "/api/v1/cases/" + caseRef + "/claim", key, "");
            return send("POST", "/api/v1/cases/" + caseRef + "/decision", key, "{\"outcome\":\"" + outcome + "\"}");
        }

        int strikes(String uploaderId) {
            return context.getBean(ReviewCases.class).confirmedRemovals(uploaderId);
        }

        /** Reports the content, has the decider remove it, and returns the statement the platform received. */
        JsonNode removed(String contentId, String uploaderId) throws Exception {
            assertThat(check(contentId, uploaderId)).isEqualTo("ALLOW");
            String caseRef = reported(contentId, "SUBJECT");
            assertThat(decide(decider, caseRef, "REMOVE").status()).isEqualTo(200);
            return removalStatement(contentId, uploaderId);
        }

        /** Files a report on the content in the given role and returns its case reference. */
        String reported(String contentId, String role) throws Exception {
            Answer filed =
                    send("POST", "/api/v1/reports", "", """
                    {"reporterRole":"%s",
                     "declarations":{"intimateImage":true,"subjectOrAuthorised":%s,"goodFaithAndTrue":true},
                     "signature":"Sam Example","contentLocators":["%s"],
                     "subjectWasUnder18":false}""".formatted(role, !role.equals("BYSTANDER"), contentId));
            assertThat(filed.status()).as(filed.body()).isEqualTo(201);
            String caseRef = filed.json().get("caseRef").asString();
            reporterStatus = caseRef + " " + filed.json().get("statusToken").asString();
            return caseRef;
        }

        /** The statement of reasons of the acknowledged removal of the content, once its strike counts. */
        JsonNode removalStatement(String contentId, String uploaderId) {
            Platform.Received removal = Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(
                            () -> platform.acknowledged("content.remove").stream()
                                    .filter(r ->
                                            r.body().get("contentId").asString().equals(contentId))
                                    .findFirst(),
                            found -> found.isPresent())
                    .orElseThrow();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> strikes(uploaderId) == 1);
            return removal.body().get("statementOfReasons");
        }

        /** The reference and token of the last report filed, separated by a space. */
        String reporterStatus() {
            return reporterStatus;
        }

        /** Posts JSON as the holder of a status token. */
        Answer sendWithToken(String path, String token, String json) throws Exception {
            var request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("X-Case-Token", token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        }

        /** The reporter's view of the case through their status token. */
        String reporterView() throws Exception {
            String[] refAndToken = reporterStatus.split(" ");
            var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/reports/" + refAndToken[0]))
                    .header("X-Case-Token", refAndToken[1])
                    .GET()
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }

        @Override
        public void close() {
            client.close();
            context.close();
            platform.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void reversesARemovalOnAppealByADifferentSeniorModerator(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var service = new Service(database)) {
            String content = "post-" + UUID.randomUUID();
            JsonNode statement = service.removed(content, "uploader-1");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> service.check("again-" + UUID.randomUUID(), "uploader-2"), "BLOCK"::equals);

            assertThat(service.appeal(content, "someone-else").status()).isEqualTo(404);
            Answer appealed = service.appeal(content, "uploader-1");
            assertThat(appealed.status()).as(appealed.body()).isEqualTo(201);
            String appealRef = appealed.json().get("appealRef").asString();
            Instant receivedAt = Instant.parse(appealed.json().get("receivedAt").asString());
            assertThat(Instant.parse(appealed.json().get("deadline").asString()))
                    .isEqualTo(receivedAt.plus(Duration.ofDays(7)));
            assertThat(service.appeal(content, "uploader-1").status()).isEqualTo(409);

            Answer refused = service.send("POST", "/api/v1/cases/" + appealRef + "/claim", service.decider, "");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("/problems/different-moderator-required");
            assertThat(service.decide(service.otherSenior, appealRef, "REMOVE").status())
                    .as("an appeal case takes UPHOLD or REVERSE only")
                    .isEqualTo(422);
            assertThat(service.decide(service.otherSenior, appealRef, "REVERSE").status())
                    .isEqualTo(200);

            Platform.Received restore = Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> service.platform.acknowledged("content.restore"), list -> !list.isEmpty())
                    .getFirst();
            assertThat(restore.signatureValid()).isTrue();
            assertThat(restore.body().get("contentId").asString()).isEqualTo(content);
            assertThat(restore.body().get("statementOfReasons").get("outcome").asString())
                    .isEqualTo("REVERSED");
            assertThat(restore.body().toString()).doesNotContain("Sam Example").doesNotContain("decider");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> service.check("again-" + UUID.randomUUID(), "uploader-3"), "ALLOW"::equals);
            assertThat(service.context.getBean(Matching.class).newestEntries(new BankName("confirmed-removals"), 50))
                    .isNotEmpty()
                    .allSatisfy(entry -> {
                        assertThat(entry.enabled()).isFalse();
                        assertThat(entry.provenance().source()).isEqualTo(Provenance.Source.DECISION);
                    })
                    .extracting(BankEntry::id)
                    .isNotEmpty();
            assertThat(service.strikes("uploader-1")).isZero();
            assertThat(service.reporterView()).contains("RESTORED_ON_APPEAL");
            assertThat(statement.get("redress").get("internalAppeal").get("url").asString())
                    .startsWith(PUBLIC_URL + "/appeal?t=");
        }
    }

    @Test
    void takesAnAppealThroughTheHostedPageThatTheStatementLinksTo() throws Exception {
        try (var database = TestDatabase.create(TestDatabase.Vendor.SQLITE);
                var service = new Service(database)) {
            String content = "post-" + UUID.randomUUID();
            String link = service.removed(content, "uploader-p")
                    .get("redress")
                    .get("internalAppeal")
                    .get("url")
                    .asString();
            String path = link.substring(PUBLIC_URL.length());
            Answer page = service.send("GET", path, "", "");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains(content).contains("Send appeal");
            assertThat(service.send("GET", "/appeal?t=not-a-token", "", "").status())
                    .isEqualTo(404);

            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
            assertThat(csrf.find()).isTrue();
            var post = HttpRequest.newBuilder(URI.create(service.base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&text="
                                    + URLEncoder.encode("This is my own photograph.", StandardCharsets.UTF_8)))
                    .build();
            var filed = service.client.send(post, HttpResponse.BodyHandlers.ofString());
            assertThat(filed.statusCode()).isEqualTo(200);
            assertThat(filed.body()).contains("Your appeal is received").contains("RA-");
            assertThat(service.appeal(content, "uploader-p").status())
                    .as("the platform cannot file a second appeal of the same removal")
                    .isEqualTo(409);
        }
    }
}
