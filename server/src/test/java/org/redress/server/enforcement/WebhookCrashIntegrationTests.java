package org.redress.server.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.redress.server.ChildService;
import org.redress.server.MutableClock;
import org.redress.server.StorageContext;
import org.redress.server.TestDatabase;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.shared.Actor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the service in a child process whose platform receiver is down, queues test webhooks over
 * the API, kills the process with SIGKILL, and starts it again with the receiver up: every queued
 * webhook arrives, signed, and is recorded as acknowledged.
 */
class WebhookCrashIntegrationTests {

    private static final int DELIVERIES = 12;

    @Test
    void deliversEveryQueuedWebhookAfterTheServerIsKilled() throws Exception {
        try (var db = TestDatabase.create(TestDatabase.Vendor.SQLITE)) {
            String apiKey;
            try (var storage = StorageContext.open(db)) {
                apiKey = storage.getBean(Identity.class)
                        .createUser(new Actor.Operator("test"), Username.of("crash-admin"), Role.ADMIN, true)
                        .apiKey()
                        .orElseThrow()
                        .secret();
            }
            int receiverPort = ChildService.freePort();
            URI hook = URI.create("http://127.0.0.1:" + receiverPort + "/hook");

            List<String> queued = new ArrayList<>();
            int port = ChildService.freePort();
            Process first = start(db.dataDirectory(), port, hook);
            try {
                var http = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(2))
                        .build();
                for (int i = 0; i < DELIVERIES; i++) {
                    var answer = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/deliveries/test"))
                                    .header("Authorization", "Bearer " + apiKey)
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
                    queued.add(JsonMapper.builder()
                            .build()
                            .readTree(answer.body())
                            .get("id")
                            .asString());
                }
            } finally {
                assertThat(ChildService.kill(first)).isEqualTo(137);
            }

            try (var receiver = new WebhookReceiver(
                    receiverPort,
                    EnforcementContext.SECRET,
                    Instant::now,
                    (id, n) -> new WebhookReceiver.Answer.Status(200))) {
                Process second = start(db.dataDirectory(), ChildService.freePort(), hook);
                try {
                    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged(db) == queued.size());
                } finally {
                    second.destroy();
                    assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
                }
                assertThat(receiver.received()).allMatch(WebhookReceiver.Received::signatureValid);
                assertThat(receiver.received().stream()
                                .map(WebhookReceiver.Received::deliveryId)
                                .distinct())
                        .containsExactlyInAnyOrderElementsOf(queued);
            }
            try (var context = new EnforcementContext(db, new MutableClock(Instant.now()))) {
                for (String id : queued) {
                    assertThat(context.enforcement().delivery(new DeliveryId(id)))
                            .get()
                            .extracting(Delivery::state)
                            .isEqualTo(Delivery.State.ACKNOWLEDGED);
                }
            }
        }
    }

    /** Reads the child's database while it runs (SQLite's WAL lets a reader in beside the writer). */
    private static int acknowledged(TestDatabase db) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl());
                var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "SELECT COUNT(*) FROM enforcement_delivery WHERE acknowledged_at IS NOT NULL")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Short backoff and lease, so that the restarted process retries within seconds. */
    private static Process start(Path data, int port, URI hook) throws Exception {
        return ChildService.start(
                data,
                port,
                "--redress.webhook.url=" + hook,
                "--redress.webhook.secret=" + EnforcementContext.SECRET,
                "--redress.webhook.timeout=PT5S",
                "--redress.webhook.lease=PT10S",
                "--redress.webhook.interval=PT0.2S",
                "--redress.webhook.initial-backoff=PT0.5S",
                "--redress.webhook.max-backoff=PT1S");
    }
}
