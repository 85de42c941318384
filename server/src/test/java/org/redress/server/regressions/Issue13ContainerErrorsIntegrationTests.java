package org.redress.server.regressions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redress.server.ServiceTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Security review, defect 13: errors that the container or the security firewall raise before any
 * controller runs are problem documents too, not Tomcat's HTML page or Spring's default JSON. Raw
 * requests over a socket, because no HTTP client sends them this malformed.
 */
@ServiceTest
class Issue13ContainerErrorsIntegrationTests {

    @LocalServerPort
    int port;

    private String send(String head) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            var out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /a|b HTTP/1.1",
                "GET /api/v1/reports/%2e%2e/x HTTP/1.1",
                "GET /%00 HTTP/1.1",
                "GET /api/v1/reports;a=b HTTP/1.1",
                "NOT-A-METHOD / HTTP/1.1"
            })
    void answersRequestsRefusedBeforeAnyControllerWithAProblemDocument(String requestLine) throws IOException {
        String response = send(requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 4");
        assertThat(response)
                .containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"type\":\"/problems/")
                .doesNotContain("<html", "Tomcat", "\"timestamp\"");
    }

    @Test
    void answersAnOversizedHeaderWithAProblemDocument() throws IOException {
        String response = send("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(70_000)
                + "\r\nConnection: close\r\n\r\n");

        assertThat(response).matches("(?s)HTTP/1.1 4(00|31).*");
        assertThat(response)
                .containsIgnoringCase("Content-Type: application/problem+json")
                .doesNotContain("<html");
    }

    @Test
    void answersAnOverlongRequestLineWithAProblemDocument() throws IOException {
        String response =
                send("GET /" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response).matches("(?s)HTTP/1.1 4(00|14).*");
        assertThat(response)
                .containsIgnoringCase("Content-Type: application/problem+json")
                .doesNotContain("<html");
    }

    @Test
    void stillShowsAPageToABrowser() throws IOException {
        String response = send("GET /api/v1/reports/%2e%2e/x HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: text/html");
    }
}
