package org.redress.server.matching.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The partner API's {@code FetchHashes}, with its two keys as headers. A 429 or 5xx answer, or none
 * at all, is tried again with growing pauses (StopNCII's {@code Retry-After} when it sends one,
 * capped); anything else fails the fetch at once. Errors name the status, never a key.
 */
class StopNciiClient {

    /** A page of records, the cursor to the next one, and the checkpoint to keep once done. */
    record Page(
            List<StopNciiRecord> records,
            Optional<String> nextPageToken,
            boolean hasMoreRecords,
            long nextSetTimestamp) {}

    /** The exchange could not be read; the message is safe to show and store. */
    static final class FetchFailed extends Exception {
        private static final long serialVersionUID = 1L;

        private final String reason;

        FetchFailed(String reason) {
            super(reason);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final URI base;
    private final String subscriptionKey;
    private final String functionsKey;
    private final String feedbackKey;
    private final int attempts;
    private final Duration timeout;
    private final HttpClient http;

    StopNciiClient(
            URI base, String subscriptionKey, String functionsKey, String feedbackKey, int attempts, Duration timeout) {
        this.base = Objects.requireNonNull(base, "base");
        this.subscriptionKey = Objects.requireNonNull(subscriptionKey, "subscriptionKey");
        this.functionsKey = Objects.requireNonNull(functionsKey, "functionsKey");
        this.feedbackKey = Objects.requireNonNull(feedbackKey, "feedbackKey");
        this.attempts = attempts;
        this.timeout = timeout;
        // Plain HTTP/1.1: no h2c upgrade for proxies to refuse; TLS negotiates what it can.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    Page fetch(long startTimestamp, int pageSize, Optional<String> pageToken) throws FetchFailed, InterruptedException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("startTimestamp", Long.toString(startTimestamp));
        query.put("pageSize", Integer.toString(pageSize));
        pageToken.ifPresent(token -> query.put("nextPageToken", token));
        String body = get("FetchHashes", query);
        try {
            return page(JSON.readTree(body));
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new FetchFailed("FetchHashes answered with a body that is not a page of records");
        }
    }

    /**
     * Posts feedback on hashes ({@code SubmitFeedback}), once: the outbox that owes it tries again
     * later, so a failure here is only reported.
     */
    void submitFeedback(List<ExchangeFeedback.Owed> feedbacks) throws FetchFailed, InterruptedException {
        var body = JSON.createObjectNode();
        body.put("count", feedbacks.size());
        var list = body.putArray("hashFeedbacks");
        for (ExchangeFeedback.Owed owed : feedbacks) {
            var item = list.addObject();
            item.put("hashValue", owed.hashValue());
            item.put("feedbackValue", owed.feedback());
            item.putArray("tags");
        }
        var request = HttpRequest.newBuilder(endpoint("SubmitFeedback"))
                .timeout(timeout)
                .header("Ocp-Apim-Subscription-Key", subscriptionKey)
                .header("x-functions-key", feedbackKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                throw new FetchFailed("SubmitFeedback answered HTTP " + status);
            }
        } catch (IOException e) {
            throw new FetchFailed(
                    "SubmitFeedback could not be reached (" + e.getClass().getSimpleName() + ")");
        }
    }

    private URI endpoint(String name) {
        return URI.create(base.toString().replaceAll("/+$", "") + "/" + name);
    }

    private String get(String endpoint, Map<String, String> query) throws FetchFailed, InterruptedException {
        var uri = new StringBuilder(base.toString().replaceAll("/+$", ""))
                .append('/')
                .append(endpoint);
        char separator = '?';
        for (var parameter : query.entrySet()) {
            uri.append(separator)
                    .append(parameter.getKey())
                    .append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        var request = HttpRequest.newBuilder(URI.create(uri.toString()))
                .timeout(timeout)
                .header("Ocp-Apim-Subscription-Key", subscriptionKey)
                .header("x-functions-key", functionsKey)
                .header("Accept", "application/json")
                .GET()
                .build();
        Duration pause = FIRST_PAUSE;
        String last = "no answer";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Optional<Duration> asked = Optional.empty();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return response.body();
                }
                last = endpoint + " answered HTTP " + status;
                if (status != 429 && status / 100 != 5) {
                    throw new FetchFailed(last);
                }
                asked = response.headers().firstValue("Retry-After").flatMap(StopNciiClient::seconds);
            } catch (IOException e) {
                last = endpoint + " could not be reached (" + e.getClass().getSimpleName() + ")";
            }
            if (attempt < attempts) {
                Duration wait = asked.orElse(pause);
                Thread.sleep(wait.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : wait);
                pause = pause.multipliedBy(2);
            }
        }
        throw new FetchFailed(last + " after " + attempts + " attempts");
    }

    private static Optional<Duration> seconds(String retryAfter) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Page page(JsonNode json) {
        List<StopNciiRecord> records = new ArrayList<>();
        for (JsonNode record : json.path("hashRecords")) {
            Map<String, String> cases = new LinkedHashMap<>();
            record.path("caseNumbers")
                    .properties()
                    .forEach(c -> cases.put(c.getKey(), c.getValue().asString()));
            records.add(new StopNciiRecord(
                    record.path("signalType").asString(""),
                    record.path("hashValue").asString(""),
                    record.path("hashStatus").asString("Unknown"),
                    cases));
        }
        @Nullable JsonNode token = json.get("nextPageToken");
        Optional<String> next =
                token == null || token.isNull() || token.asString().isEmpty()
                        ? Optional.empty()
                        : Optional.of(token.asString());
        if (!json.has("nextSetTimestamp")) {
            throw new IllegalArgumentException("no nextSetTimestamp");
        }
        return new Page(
                records,
                next,
                json.path("hasMoreRecords").asBoolean(false),
                json.path("nextSetTimestamp").asLong());
    }
}
