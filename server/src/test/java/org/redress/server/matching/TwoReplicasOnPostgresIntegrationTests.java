package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.redress.server.TestDatabase;
import tools.jackson.databind.ObjectMapper;

/**
 * Two replicas of the whole service on one PostgreSQL database, each with its own port and index, as
 * behind a load balancer: what one replica banks, the other blocks within a second, because every
 * replica's index follows the change log (ADR 0013) on a short poll.
 */
class TwoReplicasOnPostgresIntegrationTests {

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger checks = new AtomicInteger();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String verdictOn(RunningService replica, String pdq) throws Exception {
        var answer = replica.send(
                "POST",
                "/api/v1/checks",
                replica.platform,
                "application/json",
                bytes("{\"contentId\":\"replica-check-" + checks.incrementAndGet()
                        + "\",\"uploaderId\":\"u\",\"pdq\":\"" + pdq + "\"}"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body()).get("verdict").asString();
    }

    private void bank(RunningService replica, String bank, String pdq) throws Exception {
        var added = replica.send(
                "POST",
                "/api/v1/banks/" + bank + "/hashes",
                replica.admin,
                "application/json",
                bytes("{\"pdq\":\"" + pdq + "\"}"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
    }

    private static String randomPdq() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    @Test
    void blocksOnOneReplicaWithinASecondWhatTheOtherBanked() throws Exception {
        TestDatabase.postgresUrlOrSkip();
        try (var database = TestDatabase.create(TestDatabase.Vendor.POSTGRESQL);
                var a = new RunningService(database, "replica-a-admin");
                var b = new RunningService(database, "replica-b-admin")) {
            String bank = "replicated-" + UUID.randomUUID().toString().substring(0, 8);
            var created = a.send(
                    "POST",
                    "/api/v1/banks",
                    a.admin,
                    "application/json",
                    bytes("{\"name\":\"" + bank + "\",\"action\":\"BLOCK\"}"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String first = randomPdq();
            bank(a, bank, first);
            // B knows the bank before the measured entry, so the second covers one entry's journey.
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> verdictOn(b, first).equals("BLOCK"));

            String second = randomPdq();
            assertThat(verdictOn(b, second)).isEqualTo("ALLOW");
            bank(a, bank, second);
            long banked = System.nanoTime();
            await().atMost(Duration.ofSeconds(1))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> verdictOn(b, second).equals("BLOCK"));
            assertThat(Duration.ofNanos(System.nanoTime() - banked)).isLessThan(Duration.ofSeconds(1));
            assertThat(verdictOn(a, second)).isEqualTo("BLOCK");
        }
    }
}
