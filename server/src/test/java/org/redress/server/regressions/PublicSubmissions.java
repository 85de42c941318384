package org.redress.server.regressions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * Public submissions sent over a real connection, with the request path exactly as written:
 * MockMvc never sees the raw request line, which is where the path tricks live.
 */
final class PublicSubmissions implements AutoCloseable {

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;

    PublicSubmissions(int port) {
        this.port = port;
    }

    /** A valid report about a content locator of its own. */
    static String report() {
        return """
                {"reporterRole":"SUBJECT",
                 "declarations":{"intimateImage":true,"subjectOrAuthorised":true,"goodFaithAndTrue":true},
                 "signature":"Sam Sample",
                 "contentLocators":["https://platform.example/p/%s"],
                 "subjectWasUnder18":false}
                """.formatted(UUID.randomUUID());
    }

    HttpResponse<String> post(String rawPath, HttpRequest.BodyPublisher body, String type) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath))
                .header("Content-Type", type)
                .POST(body)
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        client.close();
    }
}
