package org.redress.server.review;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A platform's webhook endpoint as an integrator would write it from interface.md: it checks
 * {@code Redress-Signature} over the raw body with the shared secret, refuses what fails the check
 * with 401, and acknowledges the rest with 204 (or fails the first few on purpose).
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

    Platform() throws IOException {
        this(0);
    }

    /** Listening on a given port, for a service started before the platform was up. */
    Platform(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/redress-webhook", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String id = String.valueOf(exchange.getRequestHeaders().getFirst("Redress-Delivery"));
                boolean valid = signatureValid(exchange.getRequestHeaders().getFirst("Redress-Signature"), body);
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
        return received.stream().filter(r -> r.answeredWith() / 100 == 2 && r.type().equals(type)).toList();
    }

    /** {@code t=<seconds>,v1=<hex>}: v1 must be HMAC-SHA256 of "t.body" under the secret. */
    static boolean signatureValid(String header, byte[] body) {
        if (header == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] pair = part.split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                t = pair[1];
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                v1 = pair[1];
            }
        }
        if (t == null || v1 == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
        } catch (NoSuchAlgorithmException | InvalidKeyException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
