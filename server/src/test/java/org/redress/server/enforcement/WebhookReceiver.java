package org.redress.server.enforcement;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.redress.server.SignatureCheck;

/**
 * The platform's side in tests: a JDK HTTP server on a random local port that checks every
 * webhook's signature and answers as the test says per attempt (a status, or a hang).
 */
final class WebhookReceiver implements AutoCloseable {

    /** What to do with an attempt. */
    sealed interface Answer {
        record Status(int code) implements Answer {}

        record Hang(Duration duration) implements Answer {}
    }

    /** The policy: given the delivery id and its attempt number (1-based), how to answer. */
    @FunctionalInterface
    interface Policy {
        Answer answer(String deliveryId, int attempt);
    }

    /** One request as it arrived. */
    record Received(
            String deliveryId,
            int attempt,
            byte[] body,
            boolean signatureValid,
            String contentType,
            Instant at,
            Answer answer,
            Map<String, List<String>> headers) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger maxInFlightPerId = new AtomicInteger();
    private volatile Policy policy;

    WebhookReceiver(String secret, Supplier<Instant> clock, Policy policy) throws IOException {
        this(0, secret, clock, policy);
    }

    WebhookReceiver(int port, String secret, Supplier<Instant> clock, Policy policy) throws IOException {
        this.policy = policy;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = String.valueOf(exchange.getRequestHeaders().getFirst("Redress-Delivery"));
            int attempt = attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            int concurrent =
                    inFlight.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            maxInFlightPerId.accumulateAndGet(concurrent, Math::max);
            try {
                boolean valid = SignatureCheck.verify(
                        secret, exchange.getRequestHeaders().getFirst("Redress-Signature"), body, clock.get());
                Answer answer = valid ? this.policy.answer(id, attempt) : new Answer.Status(401);
                received.add(new Received(
                        id,
                        attempt,
                        body,
                        valid,
                        String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                        clock.get(),
                        answer,
                        headersOf(exchange)));
                int code = switch (answer) {
                    case Answer.Status status -> status.code();
                    case Answer.Hang hang -> {
                        try {
                            Thread.sleep(hang.duration());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        yield 200;
                    }
                };
                exchange.sendResponseHeaders(code, -1);
            } finally {
                inFlight.get(id).decrementAndGet();
                exchange.close();
            }
        });
        server.start();
    }

    /** Request headers by lower-cased name, as the server read them off the wire. */
    private static Map<String, List<String>> headersOf(HttpExchange exchange) {
        var headers = new TreeMap<String, List<String>>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return Map.copyOf(headers);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    void answer(Policy next) {
        this.policy = next;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(String deliveryId) {
        return received.stream().filter(r -> r.deliveryId().equals(deliveryId)).toList();
    }

    int maxConcurrentPerDelivery() {
        return maxInFlightPerId.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
