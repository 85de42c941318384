package org.redress.server.regressions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redress.server.RedressApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Security review, defects 1 and 12: the public submission limits hold however the path is written
 * (percent-encoding, {@code ;} parameters, doubled or trailing slashes, case), and a small body
 * sent without a length (chunked) is judged by its size, not refused for its framing. Over a real
 * connection, because MockMvc never sees the raw request line.
 */
@SpringBootTest(
        classes = RedressApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redress.data=target/it-data/${random.uuid}", "logging.level.org.redress.server.storage=ERROR"})
class Issue13PublicLimitsIntegrationTests {

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

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/reports",
                "/api/v1/%72eports",
                "/api/v1/%68ash-submissions",
                "/%72eport",
                "/api/v1/reports;x=1",
                "//api/v1/reports",
                "/api/v1//reports",
                "/api/v1/reports/",
                "/API/v1/Reports",
                "/api/v1/%2572eports"
            })
    void refusesAnOversizeBodyOnEveryWayOfWritingAPublicPath(String rawPath) throws Exception {
        byte[] big = ("{\"description\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        var response = submissions.post(rawPath, HttpRequest.BodyPublishers.ofByteArray(big), "application/json");

        if (rawPath.contains("%25")) {
            // A double-encoded path is no public path at all: routing finds nothing there either.
            assertThat(response.statusCode()).isNotEqualTo(201);
            return;
        }
        assertThat(response.statusCode()).as(rawPath).isEqualTo(413);
        assertThat(response.body()).contains("/problems/payload-too-large");
    }

    @Test
    void takesASmallReportSentWithoutALength() throws Exception {
        byte[] body = PublicSubmissions.report().getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isLessThan(400);

        // An input-stream publisher has no known length, so the client sends the body chunked.
        var response = submissions.post(
                "/api/v1/reports",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
                "application/json");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).contains("caseRef");
    }

    @Test
    void refusesALargeBodySentWithoutALength() throws Exception {
        byte[] big = ("{\"description\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        var response = submissions.post(
                "/api/v1/hash-submissions",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)),
                "application/json");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("/problems/payload-too-large");
    }
}
