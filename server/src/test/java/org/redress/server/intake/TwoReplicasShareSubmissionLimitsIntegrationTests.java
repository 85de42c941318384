package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.redress.server.RedressApplication;
import org.redress.server.TestDatabase;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas of the whole service on one PostgreSQL database, each on its own port, answering the
 * same client address: the public submission limit and the victims' hashes per source are counted
 * once for both, so spreading submissions over replicas does not raise either limit.
 */
class TwoReplicasShareSubmissionLimitsIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();
    private final Random random = new Random(31);

    @Test
    void countsSubmissionsAndHashesOnceAcrossTwoReplicas() throws Exception {
        TestDatabase.postgresUrlOrSkip();
        try (var database = TestDatabase.create(TestDatabase.Vendor.POSTGRESQL);
                var a = start(database);
                var b = start(database)) {
            // Hashes: three per source and day, whichever replica counts them.
            assertThat(post(a, "/api/v1/hash-submissions", hashes(2))).isEqualTo(201);
            assertThat(post(b, "/api/v1/hash-submissions", hashes(2))).isEqualTo(429);
            assertThat(post(b, "/api/v1/hash-submissions", hashes(1))).isEqualTo(201);
            assertThat(post(a, "/api/v1/hash-submissions", hashes(1))).isEqualTo(429);

            // Submissions: five per window from one address, the four above included.
            assertThat(post(b, "/api/v1/reports", IntakeApiIntegrationTests.validReport("id:replica-1")))
                    .isEqualTo(201);
            assertThat(post(a, "/api/v1/reports", IntakeApiIntegrationTests.validReport("id:replica-2")))
                    .isEqualTo(429);
            assertThat(post(b, "/api/v1/reports", IntakeApiIntegrationTests.validReport("id:replica-3")))
                    .isEqualTo(429);
        }
    }

    private static ConfigurableApplicationContext start(TestDatabase database) {
        return new SpringApplicationBuilder(RedressApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .properties("logging.level.root=WARN", "logging.level.org.redress.server.storage=ERROR")
                .run(
                        "--server.port=0",
                        "--redress.data=" + database.dataDirectory(),
                        "--redress.db-url=" + database.jdbcUrl(),
                        "--redress.public-url=http://localhost",
                        "--redress.intake.submissions-per-window=5",
                        "--redress.intake.hashes-per-source-per-day=3");
    }

    private int post(ConfigurableApplicationContext replica, String path, String json) throws Exception {
        String port = replica.getEnvironment().getRequiredProperty("local.server.port");
        var answer = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 429) {
            assertThat(answer.body()).contains("\"status\":429");
        }
        return answer.statusCode();
    }

    private String hashes(int count) {
        var items = new StringBuilder();
        for (int i = 0; i < count; i++) {
            byte[] bits = new byte[32];
            random.nextBytes(bits);
            items.append(i == 0 ? "" : ",")
                    .append("{\"pdq\":\"")
                    .append(HexFormat.of().formatHex(bits))
                    .append("\",\"quality\":90}");
        }
        return "{\"hashes\":[" + items + "],\"declarations\":{\"subjectOrAuthorised\":true,\"goodFaithAndTrue\":true}}";
    }
}
