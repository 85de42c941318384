package org.redress.server.matching.exchange;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for the StopNCII partner API's {@code FetchHashes}, written from the public
 * client's request and response shapes: records keyed by (signal type, hash), each a full snapshot
 * with its last-modified time; pages of {@code pageSize} behind an opaque token; the checkpoint
 * ({@code nextSetTimestamp}) one past the newest record served. It checks both keys, can answer
 * with errors first, and records every request it was sent.
 */
final class FakeStopNcii implements AutoCloseable {

    static final String SUBSCRIPTION_KEY = "fake-subscription-key";
    static final String FUNCTIONS_KEY = "fake-functions-key";

    /** A request as the fake saw it. */
    record Request(long startTimestamp, int pageSize, String pageToken, int status) {}

    private final HttpServer server;
    private final Map<String, String> records = new LinkedHashMap<>();
    private final Map<String, Long> modified = new LinkedHashMap<>();
    private final Deque<Integer> failures = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<String> feedbacks = new CopyOnWriteArrayList<>();
    private long clock = 1_700_000_000;

    FakeStopNcii() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/v1/FetchHashes", this::fetchHashes);
        server.createContext("/v1/SubmitFeedback", this::submitFeedback);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Adds or replaces the record of one hash, as StopNCII's snapshot of it now. */
    synchronized void put(String signalType, String hash, String status, Map<String, String> cases) {
        var caseJson = new StringBuilder("{");
        cases.forEach((number, state) -> caseJson.append(caseJson.length() > 1 ? "," : "")
                .append('"')
                .append(number)
                .append("\":\"")
                .append(state)
                .append('"'));
        long at = ++clock;
        String key = signalType + ":" + hash;
        records.put(
                key,
                "{\"lastModtimestamp\":" + at + ",\"signalType\":\"" + signalType + "\",\"hashValue\":\"" + hash
                        + "\",\"hashStatus\":\"" + status + "\",\"caseNumbers\":" + caseJson
                        + "},\"CSPFeedbacks\":[]}");
        modified.put(key, at);
    }

    /** The next requests answer with these statuses (and no records) before any succeeds. */
    synchronized void failNext(int... statuses) {
        for (int status : statuses) {
            failures.add(status);
        }
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Each feedback received, as {@code <hash> <feedbackValue>}, in the order received. */
    List<String> feedbacks() {
        return List.copyOf(feedbacks);
    }

    private static final java.util.regex.Pattern FEEDBACK = java.util.regex.Pattern.compile(
            "\\{\"hashValue\":\"([^\"]+)\",\"feedbackValue\":\"([^\"]+)\",\"tags\":\\[]}");

    private void submitFeedback(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status = "POST".equals(exchange.getRequestMethod())
                        && SUBSCRIPTION_KEY.equals(exchange.getRequestHeaders().getFirst("Ocp-Apim-Subscription-Key"))
                        && FUNCTIONS_KEY.equals(exchange.getRequestHeaders().getFirst("x-functions-key"))
                ? 200
                : 401;
        if (status == 200) {
            var item = FEEDBACK.matcher(body);
            while (item.find()) {
                feedbacks.add(item.group(1) + " " + item.group(2));
            }
        }
        byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private void fetchHashes(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        long start = Long.parseLong(query.getOrDefault("startTimestamp", "0"));
        int pageSize = Integer.parseInt(query.getOrDefault("pageSize", "800"));
        String token = query.getOrDefault("nextPageToken", "");
        int status;
        String body;
        synchronized (this) {
            if (!SUBSCRIPTION_KEY.equals(exchange.getRequestHeaders().getFirst("Ocp-Apim-Subscription-Key"))
                    || !FUNCTIONS_KEY.equals(exchange.getRequestHeaders().getFirst("x-functions-key"))) {
                status = 401;
                body = "{\"message\":\"keys\"}";
            } else if (!failures.isEmpty()) {
                status = failures.poll();
                body = "{\"message\":\"try later\"}";
            } else {
                status = 200;
                body = page(start, pageSize, token);
            }
        }
        requests.add(new Request(start, pageSize, token, status));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String page(long start, int pageSize, String token) {
        List<String> keys = new ArrayList<>();
        modified.forEach((key, at) -> {
            if (at >= start) {
                keys.add(key);
            }
        });
        int from = token.isEmpty() ? 0 : Integer.parseInt(token.substring("page-".length()));
        int to = Math.min(keys.size(), from + pageSize);
        var json = new StringBuilder();
        for (String key : keys.subList(from, to)) {
            json.append(json.isEmpty() ? "" : ",").append(records.get(key));
        }
        boolean more = to < keys.size();
        long newest = keys.stream().mapToLong(modified::get).max().orElse(start - 1);
        return "{\"count\":" + (to - from) + ",\"nextPageToken\":" + (more ? "\"page-" + to + "\"" : "null")
                + ",\"nextSetTimestamp\":" + Math.max(start, newest + 1) + ",\"hasMoreRecords\":" + more
                + ",\"hashRecords\":[" + json + "]}";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                query.put(
                        pair.substring(0, equals),
                        java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
