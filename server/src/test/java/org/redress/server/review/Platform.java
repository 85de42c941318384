package org.redress.server.review;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.redress.server.SignatureCheck;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A platform's webhook endpoint as an integrator would write it from interface.md: it checks
 * {@code Redress-Signature} over the raw body with the shared secret ({@link SignatureCheck}),
 * refuses what fails the check with 401, and acknowledges the rest with 204 (or fails the first
 * few on purpose).
 */
final class Platform implements AutoCloseable {

    static final String SECRET = "the platform's shared secret, 32 bytes or more";

    /** A request as the platform received it. */
    record Received(String deliveryId, JsonNode body, boolean signatureValid, int answeredWith) {
        String type() {
            return body.get("type").asString();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    /** @param now the time the signature's timestamp is checked against: the service's clock */
    Platform(Supplier<Instant> now) throws IOException {
        this(0, now);
    }

    /** Listening on a given port, for a service started before the platform was up. */
    Platform(int port, Supplier<Instant> now) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/redress-webhook", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String id = String.valueOf(exchange.getRequestHeaders().getFirst("Redress-Delivery"));
                boolean valid = SignatureCheck.verify(
                        SECRET, exchange.getRequestHeaders().getFirst("Redress-Signature"), body, now.get());
                int status = !valid ? 401 : failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
                received.add(new Received(id, JSON.readTree(body), valid, status));
                exchange.sendResponseHeaders(status, -1);
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/redress-webhook");
    }

    /** Answers the next {@code count} well-signed requests with 503. */
    void failNext(int count) {
        failuresLeft.set(count);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> acknowledged(String type) {
        return received.stream()
                .filter(r -> r.answeredWith() / 100 == 2 && r.type().equals(type))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
