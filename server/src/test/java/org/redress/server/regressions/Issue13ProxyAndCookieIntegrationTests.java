package org.redress.server.regressions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redress.server.RedressApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Security review, defects 16 and 17, over real connections: forwarded addresses are believed from
 * configured proxies only, so limits count clients rather than the proxy; session cookies are
 * {@code Secure} when the public URL is https; redirects never echo the Host header.
 */
@SpringBootTest(
        classes = RedressApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "redress.data=target/it-data/${random.uuid}",
            "logging.level.org.redress.server.storage=ERROR",
            "redress.intake.submissions-per-window=2",
            "redress.public-url=https://redress.example",
            "redress.trusted-proxies=127\\\\.0\\\\.0\\\\.1|0:0:0:0:0:0:0:1"
        })
class Issue13ProxyAndCookieIntegrationTests {

    @LocalServerPort
    int port;

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        try (var client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private int report(String forwardedFor) throws Exception {
        String body = """
                {"reporterRole":"SUBJECT",
                 "declarations":{"intimateImage":true,"subjectOrAuthorised":true,"goodFaithAndTrue":true},
                 "signature":"Sam Sample","contentLocators":["https://platform.example/p/%s"],
                 "subjectWasUnder18":false}""".formatted(UUID.randomUUID());
        return send(to("/api/v1/reports")
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", forwardedFor)
                        .POST(HttpRequest.BodyPublishers.ofString(body)))
                .statusCode();
    }

    @Test
    void countsEachClientBehindATrustedProxyOnItsOwn() throws Exception {
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            first.add(report("198.51.100.1"));
        }

        assertThat(first).containsExactly(201, 201, 429);
        assertThat(report("198.51.100.2")).isEqualTo(201);
    }

    @Test
    void marksSessionCookiesSecureWhenThePublicUrlIsHttps() throws Exception {
        var page = send(to("/signin"));

        assertThat(page.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("Secure"));
    }

    @Test
    void redirectsWithoutEchoingTheHostHeader() throws Exception {
        var redirect = send(to("/admin").header("X-Forwarded-Host", "evil.example"));

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location"))
                .hasValueSatisfying(location ->
                        assertThat(location).doesNotContain("evil.example").startsWith("/"));
    }
}
