package org.redress.server.regressions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.coyote.ProtocolHandler;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;
import org.junit.jupiter.api.Test;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.matching.check.UploadHashing;
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Security review, defect 5 (the part left after the decoded-byte budget and the decode queue): JSON
 * checks and health stay responsive while image checks press. Requests are served on platform
 * threads, which the operating system time-slices (a virtual thread parsing or decoding an upload
 * keeps its carrier, and sixteen of them starved the JSON checks for seconds), and an image check
 * that the decoder could not take is refused from its headers, before its body is parsed.
 */
@ServiceTest
class Issue13DecodePressureIntegrationTests {

    private static final Actor ADMIN = new Actor.Operator("test");

    @Autowired
    Identity identity;

    @Autowired
    WebServerApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void servesRequestsOnPlatformThreadsThatTheSystemTimeSlices() {
        ProtocolHandler protocol = ((TomcatWebServer) context.getWebServer())
                .getTomcat()
                .getConnector()
                .getProtocolHandler();

        assertThat(protocol.getExecutor()).isNotNull().isNotInstanceOf(VirtualThreadExecutor.class);
    }

    @Test
    void refusesAnImageCheckFromItsHeadersWhileTheDecoderIsFull() throws Exception {
        String key = identity.issueApiKey(ADMIN, "platform-" + UUID.randomUUID(), Role.PLATFORM)
                .secret();
        List<Socket> stalled = new ArrayList<>();
        try {
            // Uploads whose bodies never finish hold every place the decoder has.
            for (int i = 0; i < UploadHashing.decodeCapacity(); i++) {
                Socket socket = new Socket("localhost", port);
                socket.getOutputStream().write(head(key, 1_000_000).getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream()
                        .write("--b\r\nContent-Disposition: form-data; name=\"image\"\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                stalled.add(socket);
            }

            // The next one sends its headers and not one byte of its million-byte body.
            String answer = untilAnswered(key);

            assertThat(answer).startsWith("HTTP/1.1 503");
            assertThat(answer).containsIgnoringCase("Retry-After: 1");
            assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        // Once the stalled uploads are gone, their places are free again.
        assertThat(untilAdmitted(key)).doesNotStartWith("HTTP/1.1 503");
    }

    @Test
    void refusesAnUnauthenticatedUploadFromItsHeaders() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head("not-a-key", 1_000_000).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 401");
        }
    }

    @Test
    void refusesANulInAnImageChecksTextParts() throws Exception {
        String key = identity.issueApiKey(ADMIN, "platform-" + UUID.randomUUID(), Role.PLATFORM)
                .secret();

        assertThat(check(key, "c-\u0000", "u-1")).startsWith("HTTP/1.1 400");
        assertThat(check(key, "c-1", "u-\u0000")).startsWith("HTTP/1.1 400");
    }

    /** Sends header-only image checks until one is refused (the stalled ones are admitted first). */
    private String untilAnswered(String key) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        String answer = headersOnly(key);
        while (!answer.startsWith("HTTP/1.1 503") && Instant.now().isBefore(deadline)) {
            answer = headersOnly(key);
        }
        return answer;
    }

    /** Sends small whole image checks until one is admitted to parsing (places free up as sockets close). */
    private String untilAdmitted(String key) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        String answer = smallCheck(key);
        while (answer.startsWith("HTTP/1.1 503") && Instant.now().isBefore(deadline)) {
            answer = smallCheck(key);
        }
        return answer;
    }

    /** A check that declares a large body and sends none of it; the answer's head, or "" if none in 2 s. */
    private String headersOnly(String key) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(2_000);
            socket.getOutputStream().write(head(key, 1_000_000).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return readHead(socket.getInputStream());
        } catch (java.net.SocketTimeoutException e) {
            return "";
        }
    }

    private String smallCheck(String key) throws IOException {
        return check(key, "c-1", "u-1");
    }

    /** An image check of a few bytes that are no image; the answer's head. */
    private String check(String key, String contentId, String uploaderId) throws IOException {
        String body = "--b\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n\r\n"
                + "not an image\r\n--b\r\nContent-Disposition: form-data; name=\"contentId\"\r\n\r\n" + contentId
                + "\r\n--b\r\nContent-Disposition: form-data; name=\"uploaderId\"\r\n\r\n" + uploaderId
                + "\r\n--b--\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((head(key, body.length()) + body).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return readHead(socket.getInputStream());
        }
    }

    private String head(String key, long length) {
        return "POST /api/v1/checks HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + key
                + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: " + length
                + "\r\nConnection: close\r\n\r\n";
    }

    /** The status line and the headers (the server may still be reading the unsent body). */
    private static String readHead(InputStream in) throws IOException {
        var head = new StringBuilder();
        for (int b; !head.toString().endsWith("\r\n\r\n") && (b = in.read()) >= 0; ) {
            head.append((char) b);
        }
        return head.toString();
    }
}
