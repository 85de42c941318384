package org.redress.server.transparency.dsa;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the DSA Transparency Database's batch endpoint ({@code POST /api/v1/statements} with
 * {@code {"statements": [...]}}, at most 100 a call, {@code 201 Created} on success), as its API
 * documentation describes it. The Database refuses a whole call when any puid in it is already
 * used by the platform ({@code 422} with {@code errors.existing_puids}), and creates nothing
 * then: those statements are there already, so the caller records them as sent and sends the
 * rest again.
 */
final class DsaClient {

    static final String BATCH_PATH = "api/v1/statements";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What became of one call. */
    sealed interface Answer {
        /** Every statement of the call was created. */
        record Created(int status) implements Answer {}

        /** Nothing was created: these puids are used already; the other statements may be sent again. */
        record AlreadyThere(Set<String> puids) implements Answer {}

        /** Refused or failed: nothing was created. */
        record Failed(int status, String error) implements Answer {}
    }

    private final HttpClient http;
    private final URI endpoint;
    private final String token;
    private final Duration timeout;

    DsaClient(URI base, String token, Duration timeout) {
        String text = base.toString();
        this.endpoint = URI.create(text.endsWith("/") ? text : text + "/").resolve(BATCH_PATH);
        this.token = Objects.requireNonNull(token, "token");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends statements (each a JSON object) in one call; a status of 0 means no answer came. */
    Answer send(List<String> statements) {
        if (statements.isEmpty() || statements.size() > DsaSettings.MAX_BATCH) {
            throw new IllegalArgumentException("a call takes 1 to 100 statements, got " + statements.size());
        }
        String body = "{\"statements\":[" + String.join(",", statements) + "]}";
        var request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Answer.Failed(0, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.Failed(0, "interrupted");
        }
        return answer(response.statusCode(), response.body());
    }

    static Answer answer(int status, String body) {
        if (status == 201) {
            return new Answer.Created(status);
        }
        if (status == 422) {
            Set<String> existing = existingPuids(body);
            if (!existing.isEmpty()) {
                return new Answer.AlreadyThere(existing);
            }
        }
        return new Answer.Failed(status, "HTTP " + status + ": " + message(body));
    }

    private static Set<String> existingPuids(String body) {
        var puids = new LinkedHashSet<String>();
        try {
            for (JsonNode puid : JSON.readTree(body).path("errors").path("existing_puids")) {
                if (puid.isString()) {
                    puids.add(puid.asString());
                }
            }
        } catch (JacksonException e) {
            return Set.of();
        }
        return puids;
    }

    /** The Database's message, which names fields and never carries our statements back. */
    private static String message(String body) {
        try {
            String message = JSON.readTree(body).path("message").asString("");
            return message.length() > 300 ? message.substring(0, 300) : message;
        } catch (JacksonException e) {
            return "";
        }
    }
}
