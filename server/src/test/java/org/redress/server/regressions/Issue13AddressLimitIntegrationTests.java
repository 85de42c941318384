package org.redress.server.regressions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

    @LocalServerPort
    int port;

    private PublicSubmissions submissions;

    @BeforeEach
    void connect() {
        submissions = new PublicSubmissions(port);
    }

    @AfterEach
    void disconnect() {
        submissions.close();
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
            statuses.add(submissions
                    .post(path, HttpRequest.BodyPublishers.ofString(PublicSubmissions.report()), "application/json")
                    .statusCode());
        }

        assertThat(statuses.subList(0, 4)).containsOnly(201);
        assertThat(statuses.subList(4, 6)).containsOnly(429);
    }
}
