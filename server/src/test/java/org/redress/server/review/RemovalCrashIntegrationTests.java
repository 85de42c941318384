package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.redress.server.ChildService;
import org.redress.server.StorageContext;
import org.redress.server.TestDatabase;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.shared.Actor;
import tools.jackson.databind.json.JsonMapper;

/**
 * A removal decided while the platform is down survives SIGKILL: the service is killed right after
 * the moderator's decision is answered, started again with the platform up, and the signed
 * {@code content.remove} arrives, the platform's acknowledgement stops the case's clock.
 */
class RemovalCrashIntegrationTests {

    @Test
    void completesARemovalDecidedBeforeTheServerWasKilled() throws Exception {
        try (var db = TestDatabase.create(TestDatabase.Vendor.SQLITE)) {
            String moderatorKey;
            try (var storage = StorageContext.open(db)) {
                moderatorKey = "Bearer "
                        + storage.getBean(Identity.class)
                                .createUser(
                                        new Actor.Operator("test"),
                                        Username.of("crash-moderator"),
                                        Role.MODERATOR,
                                        true)
                                .apiKey()
                                .orElseThrow()
                                .secret();
            }
            int platformPort = ChildService.freePort();
            String[] webhooks = {
                "--redress.webhook.url=http://127.0.0.1:" + platformPort + "/redress-webhook",
                "--redress.webhook.secret=" + Platform.SECRET,
                "--redress.webhook.timeout=PT5S",
                "--redress.webhook.lease=PT10S",
                "--redress.webhook.interval=PT0.2S",
                "--redress.webhook.initial-backoff=PT0.5S",
                "--redress.webhook.max-backoff=PT1S"
            };
            var http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();

            int port = ChildService.freePort();
            Process first = ChildService.start(db.dataDirectory(), port, webhooks);
            String caseRef;
            try {
                var filed = post(http, port, "/api/v1/reports", null, """
                        {"reporterRole":"SUBJECT",
                         "declarations":{"intimateImage":true,"subjectOrAuthorised":true,"goodFaithAndTrue":true},
                         "signature":"Sam Example","contentLocators":["crash-post-1"],"subjectWasUnder18":false}""");
                assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
                caseRef = JsonMapper.builder()
                        .build()
                        .readTree(filed.body())
                        .get("caseRef")
                        .asString();
                assertThat(post(http, port, "/api/v1/cases/" + caseRef + "/claim", moderatorKey, "")
                                .statusCode())
                        .isEqualTo(200);
                var decided = post(
                        http, port, "/api/v1/cases/" + caseRef + "/decision", moderatorKey, "{\"outcome\":\"REMOVE\"}");
                assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
            } finally {
                assertThat(ChildService.kill(first)).isEqualTo(137);
            }
            assertThat(state(db, caseRef)).isEqualTo("AWAITING_REMOVAL");

            try (var platform = new Platform(platformPort, Instant::now)) {
                Process second = ChildService.start(db.dataDirectory(), ChildService.freePort(), webhooks);
                try {
                    Awaitility.await()
                            .atMost(Duration.ofSeconds(60))
                            .until(() -> state(db, caseRef).equals("REMOVED"));
                } finally {
                    second.destroy();
                    second.waitFor(30, TimeUnit.SECONDS);
                }
                assertThat(state(db, caseRef)).isEqualTo("REMOVED");
                assertThat(platform.acknowledged("content.remove"))
                        .singleElement()
                        .satisfies(removal -> {
                            assertThat(removal.signatureValid()).isTrue();
                            assertThat(removal.body().get("caseRef").asString()).isEqualTo(caseRef);
                            assertThat(removal.body().get("contentId").asString())
                                    .isEqualTo("crash-post-1");
                        });
            }
        }
    }

    private static HttpResponse<String> post(HttpClient http, int port, String path, String key, String json)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Authorization", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Reads the case's state from the database file (SQLite's WAL lets a reader in beside the child). */
    private static String state(TestDatabase db, String caseRef) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl());
                var statement = connection.prepareStatement("SELECT state FROM review_case WHERE case_ref = ?")) {
            statement.setString(1, caseRef);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : "NONE";
            }
        }
    }
}
