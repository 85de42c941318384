package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.MutableClock;
import org.redress.server.RedressApplication;
import org.redress.server.TestDatabase;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.shared.Actor;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Report reasons end to end on each database, over real HTTP: the API's optional {@code reason}
 * (stored with the report, a default when absent, a named 400 when unknown), and the moderator
 * queue listing a threat first, marked urgent, among cases of the same deadline, with the reason's
 * OSA harm and DSA category in the case file. The clock stands still, so every report made here
 * has the same deadline.
 */
class ReportReasonsOnBothDatabasesIntegrationTests {

    private static final Actor TESTER = new Actor.Operator("test");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private static final class Service implements AutoCloseable {
        private final ConfigurableApplicationContext context;
        private final HttpClient client = HttpClient.newHttpClient();
        private final String base;
        private final String moderator;

        Service(TestDatabase database, Clock clock) {
            context = new SpringApplicationBuilder(RedressApplication.class)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .registerShutdownHook(false)
                    .properties("logging.level.root=WARN", "logging.level.org.redress.server.storage=ERROR")
                    .initializers(c -> ((GenericApplicationContext) c)
                            .registerBean("testClock", Clock.class, () -> clock, d -> d.setPrimary(true)))
                    .run(
                            "--server.port=0",
                            "--redress.data=" + database.dataDirectory(),
                            "--redress.db-url=" + database.jdbcUrl(),
                            "--redress.public-url=http://localhost");
            base = "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port");
            moderator = context.getBean(Identity.class)
                    .createUser(TESTER, Username.of("reasons-moderator"), Role.MODERATOR, true)
                    .apiKey()
                    .orElseThrow()
                    .secret();
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

        /** Files a report naming the locator, with the reason or (when empty) none; its case reference. */
        String report(String locator, String reason) throws Exception {
            Answer answer = send("POST", "/api/v1/reports", "", body(locator, reason));
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            return answer.json().get("caseRef").asString();
        }

        String reasonStored(String caseRef) {
            return context.getBean(JdbcClient.class)
                    .sql("SELECT reason FROM intake_report WHERE public_ref = :ref")
                    .param("ref", caseRef)
                    .query(String.class)
                    .single();
        }

        int reports() {
            return context.getBean(JdbcClient.class)
                    .sql("SELECT COUNT(*) FROM intake_report")
                    .query(Integer.class)
                    .single();
        }

        JsonNode queue() throws Exception {
            Answer answer = send("GET", "/api/v1/cases?state=OPEN", moderator, "");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            return answer.json();
        }

        @Override
        public void close() {
            client.close();
            context.close();
        }
    }

    static String body(String locator, String reason) {
        return """
                {"reporterRole":"SUBJECT",
                 "declarations":{"intimateImage":true,"subjectOrAuthorised":true,"goodFaithAndTrue":true},
                 "signature":"Sam Sample",
                 "contentLocators":["%s"],
                 "subjectWasUnder18":false%s}
                """.formatted(locator, reason.isEmpty() ? "" : ",\"reason\":\"" + reason + "\"");
    }

    private static String locator() {
        return "https://platform.example/reasons/" + UUID.randomUUID();
    }

    private static List<String> refs(JsonNode cases) {
        List<String> refs = new ArrayList<>();
        cases.forEach(c -> refs.add(c.get("caseRef").asString()));
        return refs;
    }

    private static JsonNode caseIn(JsonNode cases, String ref) {
        for (JsonNode c : cases) {
            if (c.get("caseRef").asString().equals(ref)) {
                return c;
            }
        }
        throw new AssertionError(ref + " is not listed");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void storesEachReasonAndListsAThreatFirstAndUrgentAmongEqualDeadlines(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
        try (var database = TestDatabase.create(vendor);
                var service = new Service(database, clock)) {
            String unstated = service.report(locator(), "");
            String fake = service.report(locator(), "FAKE_OR_ALTERED");
            String flashed = service.report(locator(), "CYBERFLASHING");
            String threatened = service.report(locator(), "THREATENED_TO_SHARE");

            assertThat(service.reasonStored(unstated)).isEqualTo("SHARED_WITHOUT_CONSENT");
            assertThat(service.reasonStored(fake)).isEqualTo("FAKE_OR_ALTERED");
            assertThat(service.reasonStored(flashed)).isEqualTo("CYBERFLASHING");
            assertThat(service.reasonStored(threatened)).isEqualTo("THREATENED_TO_SHARE");

            JsonNode queue = service.queue();
            assertThat(queue).hasSize(4);
            assertThat(queue.get(0).get("deadline").asString())
                    .isEqualTo(queue.get(3).get("deadline").asString());
            // Filed last, listed first: the threat; cyberflashing, of lower severity, comes last.
            assertThat(refs(queue)).first().isEqualTo(threatened);
            assertThat(refs(queue)).last().isEqualTo(flashed);
            JsonNode threat = caseIn(queue, threatened);
            assertThat(threat.get("urgent").asBoolean()).isTrue();
            assertThat(threat.get("offence").get("reason").asString()).isEqualTo("THREATENED_TO_SHARE");
            assertThat(threat.get("offence").get("priority").asString()).isEqualTo("URGENT");
            assertThat(caseIn(queue, unstated).get("urgent").asBoolean()).isFalse();
            assertThat(caseIn(queue, unstated).get("offence").get("reason").asString())
                    .isEqualTo("SHARED_WITHOUT_CONSENT");
            assertThat(caseIn(queue, flashed).get("severity").asString()).isEqualTo("OTHER");
            assertThat(caseIn(queue, fake).get("severity").asString()).isEqualTo("INTIMATE_IMAGE_ABUSE");

            Answer file = service.send("GET", "/api/v1/cases/" + flashed, service.moderator, "");
            assertThat(file.status()).as(file.body()).isEqualTo(200);
            JsonNode offence = file.json().get("reviewCase").get("offence");
            assertThat(offence.get("osaHarm").asString()).isEqualTo("CYBERFLASHING");
            assertThat(offence.get("dsaCategory").asString()).isEqualTo("STATEMENT_CATEGORY_CYBER_VIOLENCE");
            assertThat(offence.get("dsaKeyword").asString()).isEqualTo("KEYWORD_CYBER_HARASSMENT");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void letsTheMostUrgentReasonOfReportsJoiningOneCaseWin(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
        try (var database = TestDatabase.create(vendor);
                var service = new Service(database, clock)) {
            String content = locator();
            String first = service.report(content, "FAKE_OR_ALTERED");
            assertThat(caseIn(service.queue(), first).get("urgent").asBoolean()).isFalse();

            service.report(content, "THREATENED_TO_SHARE");
            service.report(content, "CYBERFLASHING");

            JsonNode queue = service.queue();
            assertThat(queue).hasSize(1);
            assertThat(caseIn(queue, first).get("urgent").asBoolean()).isTrue();
            assertThat(caseIn(queue, first).get("offence").get("reason").asString())
                    .isEqualTo("THREATENED_TO_SHARE");
            assertThat(caseIn(queue, first).get("severity").asString()).isEqualTo("INTIMATE_IMAGE_ABUSE");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void refusesAnUnknownReasonNamingTheFieldAndStoresNothing(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
        try (var database = TestDatabase.create(vendor);
                var service = new Service(database, clock)) {
            for (String reason : List.of("BLACKMAIL", "threatened_to_share", "")) {
                String body = reason.isEmpty()
                        ? body(locator(), "").replace("\"subjectWasUnder18\"", "\"reason\":7,\"subjectWasUnder18\"")
                        : body(locator(), reason);
                Answer answer = service.send("POST", "/api/v1/reports", "", body);
                assertThat(answer.status()).as(answer.body()).isEqualTo(400);
                assertThat(answer.json().get("errors").get(0).get("pointer").asString())
                        .isEqualTo("#/reason");
            }
            assertThat(service.reports()).isZero();
        }
    }
}
