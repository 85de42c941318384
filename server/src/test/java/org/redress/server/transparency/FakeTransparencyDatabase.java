package org.redress.server.transparency;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for the EU DSA Transparency Database's batch endpoint, built from its public API
 * documentation: {@code POST /api/v1/statements} with a bearer token ({@code 401} otherwise) and
 * {@code {"statements": [...]}} of 1 to 100 statements; every statement is checked against the
 * repository's schema ({@code 422} with {@code errors.statement_N}); a puid used twice in the call
 * or already held by the platform refuses the whole call ({@code 422}, {@code errors.puid} and
 * {@code errors.existing_puids}); otherwise all are created ({@code 201}). Nothing is created by a
 * refused call. It can be told to fail the next calls, or to create a call's statements and then
 * answer {@code 500} as if the answer were lost.
 */
final class FakeTransparencyDatabase implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final String token;
    private final SchemaChecker schema;
    private final Map<String, JsonNode> held = new LinkedHashMap<>();
    private final List<Integer> callSizes = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger loseNextAnswers = new AtomicInteger();
    private final AtomicInteger duplicateRefusals = new AtomicInteger();

    FakeTransparencyDatabase(String token) throws IOException {
        this.token = token;
        this.schema = SchemaChecker.ofResource("transparency/dsa-statement.schema.json");
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/statements", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    synchronized Map<String, JsonNode> held() {
        return Map.copyOf(held);
    }

    synchronized List<Integer> callSizes() {
        return List.copyOf(callSizes);
    }

    /** Every call received, refused ones included. */
    int calls() {
        return calls.get();
    }

    int duplicateRefusals() {
        return duplicateRefusals.get();
    }

    /** The next {@code calls} calls answer 503 and create nothing. */
    void failNext(int calls) {
        failNext.set(calls);
    }

    /** The next {@code calls} calls create their statements, then answer 500. */
    void loseNextAnswers(int calls) {
        loseNextAnswers.set(calls);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            calls.incrementAndGet();
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, Map.of("message", "method not allowed"));
                return;
            }
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, Map.of("message", "Unauthenticated."));
                return;
            }
            JsonNode statements = JSON.readTree(exchange.getRequestBody()).path("statements");
            callSizes.add(statements.size());
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer(exchange, 503, Map.of("message", "Service Unavailable"));
                return;
            }
            if (!statements.isArray() || statements.isEmpty() || statements.size() > 100) {
                answer(exchange, 422, Map.of("message", "The statements field must have between 1 and 100 items."));
                return;
            }
            Map<String, Object> invalid = new LinkedHashMap<>();
            for (int i = 0; i < statements.size(); i++) {
                List<String> problems = schema.problems(statements.get(i));
                if (!problems.isEmpty()) {
                    invalid.put("statement_" + i, problems);
                }
            }
            if (!invalid.isEmpty()) {
                answer(exchange, 422, Map.of("errors", invalid));
                return;
            }
            Set<String> seen = new LinkedHashSet<>();
            Set<String> duplicates = new LinkedHashSet<>();
            for (JsonNode statement : statements) {
                String puid = statement.path("puid").asString();
                if (!seen.add(puid) || held.containsKey(puid)) {
                    duplicates.add(puid);
                }
            }
            if (!duplicates.isEmpty()) {
                duplicateRefusals.incrementAndGet();
                String message = "The platform identifier(s) are not all unique within this call.";
                answer(
                        exchange,
                        422,
                        Map.of(
                                "message",
                                message,
                                "errors",
                                Map.of("puid", List.of(message), "existing_puids", List.copyOf(duplicates))));
                return;
            }
            List<Object> created = new ArrayList<>();
            for (JsonNode statement : statements) {
                held.put(statement.path("puid").asString(), statement);
                created.add(statement);
            }
            if (loseNextAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer(exchange, 500, Map.of("message", "Server Error"));
                return;
            }
            answer(exchange, 201, Map.of("statements", created));
        }
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
