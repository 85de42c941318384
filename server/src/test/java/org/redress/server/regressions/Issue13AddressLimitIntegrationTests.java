package org.redress.server.regressions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redress.server.RedressApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Security review, defect 1: submissions to a public path written another way (percent-encoded)
 * count against the same per-address limit. Over a real connection, because MockMvc never sees the
 * raw request line; its own context, with a limit of four, so no other test spends the quota.
 */
@SpringBootTest(
        classes = RedressApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "redress.data=target/it-data/${random.uuid}",
            "logging.level.org.redress.server.storage=ERROR",
            "redress.intake.submissions-per-window=4"
        })
class Issue13AddressLimitIntegrationTests {

    private static HttpClient client;

    @LocalServerPort
    int port;

    @BeforeAll
    static void openClient() {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    private static String report() {
        return """
                {"reporterRole":"SUBJECT",
                 "declarations":{"intimateImage":true,"subjectOrAuthorised":true,"goodFaithAndTrue":true},
                 "signature":"Sam Sample",
                 "contentLocators":["https://platform.example/p/%s"],
                 "subjectWasUnder18":false}
                """.formatted(UUID.randomUUID());
    }

    private HttpResponse<String> post(String rawPath, HttpRequest.BodyPublisher body, String type) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath))
                .header("Content-Type", type)
                .POST(body)
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void countsEncodedPathsAgainstTheSameAddressLimit() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (String path : List.of(
                "/api/v1/reports",
                "/api/v1/%72eports",
                "/api/v1/%72eports",
                "/api/v1/r%65ports",
                "/api/v1/%72eports",
                "/api/v1/%72eports")) {
            statuses.add(post(path, HttpRequest.BodyPublishers.ofString(report()), "application/json")
                    .statusCode());
        }

        assertThat(statuses.subList(0, 4)).containsOnly(201);
        assertThat(statuses.subList(4, 6)).containsOnly(429);
    }
}
