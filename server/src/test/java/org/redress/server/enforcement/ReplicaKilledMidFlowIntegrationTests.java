package org.redress.server.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
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
 * Two processes of the packaged {@code redress.jar} on one PostgreSQL database, with the platform's
 * webhook receiver on this machine. Reports, decisions and webhooks flow through both; replica A is
 * killed with SIGKILL while it holds leased deliveries. Then every report answered {@code 201}
 * exists, the receiver has had every delivery (B sends A's leased ones once their lease ends), and
 * {@code redress audit verify} finds the chain intact.
 */
class ReplicaKilledMidFlowIntegrationTests {

    private static final Path JAR = Path.of(System.getProperty("redress.jar", "target/redress.jar"));
    private static final Duration LEASE = Duration.ofSeconds(8);
    /** How long the platform takes to answer each webhook: long enough that A dies mid-send. */
    private static final Duration PLATFORM_ANSWERS_AFTER = Duration.ofMillis(400);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private final List<String> reported = new ArrayList<>();
    private final List<String> decided = new ArrayList<>();
    private final List<String> queued = new ArrayList<>();
    private int reports;

    @Test
    void losesNoReportDeliveryOrAuditEntryWhenAReplicaIsKilled() throws Exception {
        TestDatabase.postgresUrlOrSkip();
        assertThat(JAR).as("the executable jar, built by ./mvnw package").isRegularFile();
        try (var db = TestDatabase.create(TestDatabase.Vendor.POSTGRESQL)) {
            String moderator;
            String admin;
            try (var storage = StorageContext.open(db)) {
                var identity = storage.getBean(Identity.class);
                var tester = new Actor.Operator("test");
                moderator = identity.createUser(tester, Username.of("replica-moderator"), Role.MODERATOR, true)
                        .apiKey()
                        .orElseThrow()
                        .secret();
                admin = identity.createUser(tester, Username.of("replica-admin"), Role.ADMIN, true)
                        .apiKey()
                        .orElseThrow()
                        .secret();
            }
            // Replicas share the data key (as production must); each has its own data directory.
            String dataKey = Files.readString(db.dataDirectory().resolve("data-key"), StandardCharsets.US_ASCII)
                    .strip();
            try (var platform = new WebhookReceiver(
                    EnforcementContext.SECRET,
                    Instant::now,
                    (id, attempt) -> new WebhookReceiver.Answer.Hang(PLATFORM_ANSWERS_AFTER))) {
                int portA = ChildService.freePort();
                int portB = ChildService.freePort();
                var startingA = CompletableFuture.supplyAsync(() -> serve(db, "a", portA, dataKey, platform.url()));
                var startingB = CompletableFuture.supplyAsync(() -> serve(db, "b", portB, dataKey, platform.url()));
                Process a = startingA.get(150, TimeUnit.SECONDS);
                Process b = startingB.get(150, TimeUnit.SECONDS);
                try {
                    long started = System.nanoTime();
                    while (System.nanoTime() - started < Duration.ofSeconds(5).toNanos()) {
                        flow(portA, portB, moderator, admin);
                    }
                    // A takes a burst of webhooks (it sends right after each commit), then dies mid-send.
                    for (int i = 0; i < 6; i++) {
                        queueTestWebhook(portA, admin);
                    }
                    // Killed while a delivery is leased (the receiver takes 400 ms to answer each).
                    Awaitility.await()
                            .atMost(Duration.ofSeconds(10))
                            .pollInterval(Duration.ofMillis(20))
                            .until(() -> !liveClaims(db).isEmpty());
                    assertThat(ChildService.kill(a)).isEqualTo(137);
                    Map<String, Claim> heldAtKill = liveClaims(db);

                    long afterKill = System.nanoTime();
                    while (System.nanoTime() - afterKill < Duration.ofSeconds(2).toNanos()) {
                        flow(portB, portB, moderator, admin);
                    }
                    // B acknowledges what it claims within a second; a claim still there, unchanged and
                    // unacknowledged, is one that A took and never finished.
                    Map<String, Claim> stillHeld = liveClaims(db);
                    Map<String, Claim> heldByA = new HashMap<>();
                    heldAtKill.forEach((id, claim) -> {
                        if (claim.equals(stillHeld.get(id))) {
                            heldByA.put(id, claim);
                        }
                    });
                    assertThat(heldByA)
                            .as("A held leased deliveries when it was killed")
                            .isNotEmpty();

                    Awaitility.await()
                            .atMost(Duration.ofSeconds(60))
                            .pollInterval(Duration.ofMillis(250))
                            .until(() -> unacknowledged(db) == 0);

                    assertThat(reported).as("reports answered 201").isNotEmpty();
                    for (String caseRef : reported) {
                        assertThat(count(db, "SELECT COUNT(*) FROM intake_case WHERE case_ref = ?", caseRef))
                                .as("acknowledged report %s", caseRef)
                                .isEqualTo(1);
                    }
                    assertThat(decided).as("decisions answered 200").isNotEmpty();
                    for (String caseRef : decided) {
                        assertThat(count(
                                        db,
                                        "SELECT COUNT(*) FROM review_case WHERE case_ref = ?"
                                                + " AND state IN ('AWAITING_REMOVAL', 'REMOVED')",
                                        caseRef))
                                .as("decided case %s", caseRef)
                                .isEqualTo(1);
                    }
                    Set<String> everyDelivery = deliveryIds(db);
                    assertThat(everyDelivery).containsAll(queued);
                    assertThat(everyDelivery.size())
                            .as("test webhooks and removals")
                            .isGreaterThan(queued.size());
                    Set<String> seen = new HashSet<>();
                    for (var received : platform.received()) {
                        assertThat(received.signatureValid()).isTrue();
                        seen.add(received.deliveryId());
                    }
                    assertThat(seen).containsAll(everyDelivery);
                    for (var held : heldByA.entrySet()) {
                        Instant acknowledged = acknowledgedAt(db, held.getKey());
                        assertThat(acknowledged)
                                .as("B sent %s once A's lease ended", held.getKey())
                                .isAfterOrEqualTo(held.getValue().until());
                    }
                } finally {
                    a.destroyForcibly();
                    b.destroy();
                    b.waitFor(30, TimeUnit.SECONDS);
                }
            }
            var verify = new ProcessBuilder(java(), "-jar", JAR.toString(), "audit", "verify", "--db", db.jdbcUrl())
                    .directory(db.dataDirectory().toFile())
                    .redirectErrorStream(true);
            verify.environment().put("REDRESS_DATA_KEY", dataKey);
            Process verifying = verify.start();
            String said = new String(verifying.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(verifying.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(verifying.exitValue()).as(said).isZero();
            assertThat(said).containsPattern("entries=\\d+ ok");
        }
    }

    /** One round: a report to one replica, a decision on an earlier report on the other, a test webhook. */
    private void flow(int one, int other, String moderator, String admin) throws Exception {
        String report = """
                {"reporterRole":"SUBJECT",
                 "declarations":{"intimateImage":true,"subjectOrAuthorised":true,"goodFaithAndTrue":true},
                 "signature":"Sam Example","contentLocators":["replica-post-%d"],"subjectWasUnder18":false}
                """;
        var filed = send(one, "/api/v1/reports", null, report.formatted(reports++));
        if (filed != null && filed.statusCode() == 201) {
            reported.add(json.readTree(filed.body()).get("caseRef").asString());
        }
        int earlier = reported.size() - 2;
        if (earlier >= 0 && reports % 2 == 0) {
            String caseRef = reported.get(earlier);
            var claimed = send(other, "/api/v1/cases/" + caseRef + "/claim", moderator, "");
            if (claimed != null && claimed.statusCode() == 200) {
                var decision =
                        send(other, "/api/v1/cases/" + caseRef + "/decision", moderator, "{\"outcome\":\"REMOVE\"}");
                if (decision != null && decision.statusCode() == 200) {
                    decided.add(caseRef);
                }
            }
        }
        queueTestWebhook(other, admin);
    }

    private void queueTestWebhook(int port, String admin) throws Exception {
        var answer = send(port, "/api/v1/deliveries/test", admin, "");
        if (answer != null && answer.statusCode() == 202) {
            queued.add(json.readTree(answer.body()).get("id").asString());
        }
    }

    /** The answer, or {@code null} when the replica did not answer (it is dead). */
    private @Nullable HttpResponse<String> send(int port, String path, @Nullable String key, String body)
            throws InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException refused) {
            return null;
        }
    }

    /** A replica: {@code java -jar redress.jar serve}, ready once its health check answers. */
    private static Process serve(TestDatabase db, String name, int port, String dataKey, URI hook) {
        try {
            Path data = Files.createDirectories(db.dataDirectory().resolve("replica-" + name));
            var builder = new ProcessBuilder(
                            java(),
                            "-Dredress.public-url=http://localhost",
                            "-Dredress.webhook.timeout=PT3S",
                            "-Dredress.webhook.lease=" + LEASE,
                            "-Dredress.webhook.interval=PT0.2S",
                            "-Dredress.webhook.initial-backoff=PT0.5S",
                            "-Dredress.webhook.max-backoff=PT1S",
                            "-Dlogging.level.root=WARN",
                            "-jar",
                            JAR.toString(),
                            "serve",
                            "--port",
                            String.valueOf(port),
                            "--data",
                            data.toString(),
                            "--db",
                            db.jdbcUrl())
                    .redirectErrorStream(true)
                    .redirectOutput(data.resolve("replica.log").toFile());
            builder.environment().put("REDRESS_DATA_KEY", dataKey);
            builder.environment().put("REDRESS_WEBHOOK_URL", hook.toString());
            builder.environment().put("REDRESS_WEBHOOK_SECRET", EnforcementContext.SECRET);
            Process process = builder.start();
            ChildService.awaitHealthy(process, port, data.resolve("replica.log"), "replica " + name);
            return process;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A delivery's claim: its token and the end of its lease. */
    private record Claim(String by, Instant until) {}

    private static Map<String, Claim> liveClaims(TestDatabase db) throws SQLException {
        Map<String, Claim> claims = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl());
                var statement = connection.prepareStatement("""
                        SELECT id, claimed_by, claimed_until FROM enforcement_delivery
                         WHERE claimed_until > now() AND acknowledged_at IS NULL AND given_up_at IS NULL
                        """);
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                claims.put(
                        rows.getString("id"),
                        new Claim(
                                rows.getString("claimed_by"),
                                rows.getTimestamp("claimed_until").toInstant()));
            }
        }
        return claims;
    }

    private static int unacknowledged(TestDatabase db) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl());
                var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "SELECT COUNT(*) FROM enforcement_delivery WHERE acknowledged_at IS NULL")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Set<String> deliveryIds(TestDatabase db) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl());
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT id FROM enforcement_delivery")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static Instant acknowledgedAt(TestDatabase db, String id) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl());
                var statement =
                        connection.prepareStatement("SELECT acknowledged_at FROM enforcement_delivery WHERE id = ?")) {
            statement.setString(1, id);
            try (var rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                Timestamp at = rows.getTimestamp(1);
                assertThat(at).as("delivery %s acknowledged", id).isNotNull();
                return at.toInstant();
            }
        }
    }

    private static int count(TestDatabase db, String sql, String value) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl());
                var statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
