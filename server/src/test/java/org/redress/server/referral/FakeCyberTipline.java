package org.redress.server.referral;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for the CyberTipline Reporting API, built from its public documentation:
 * HTTP Basic authentication; {@code POST /submit} with the report's XML answers a
 * {@code reportResponse} with a new {@code reportId}; {@code POST /finish} with the form field
 * {@code id} answers a {@code reportDoneResponse}. A report the schema refuses gets a non-zero
 * {@code responseCode}, as NCMEC's validation does. Finishing can be made to fail with 503.
 */
final class FakeCyberTipline implements AutoCloseable {

    static final String USERNAME = "redress-test";
    static final String PASSWORD = "not-a-real-password";

    private final HttpServer server;
    private final AtomicLong nextReportId = new AtomicLong(7_000_001);
    private final List<String> submitted = new CopyOnWriteArrayList<>();
    private final List<String> finished = new CopyOnWriteArrayList<>();
    private final List<String> finishAttempts = new CopyOnWriteArrayList<>();
    private final AtomicBoolean finishFails = new AtomicBoolean();

    FakeCyberTipline() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ispws/submit", this::submit);
        server.createContext("/ispws/finish", this::finish);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ispws";
    }

    /** The reports received by {@code /submit}, in order. */
    List<String> submitted() {
        return List.copyOf(submitted);
    }

    /** The report ids finished. */
    List<String> finished() {
        return List.copyOf(finished);
    }

    /** Every {@code /finish} call, answered or not. */
    List<String> finishAttempts() {
        return List.copyOf(finishAttempts);
    }

    void failFinishing(boolean fail) {
        finishFails.set(fail);
    }

    private void submit(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        String report = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            CyberTiplineSchema.check(report);
        } catch (CyberTiplineSchema.InvalidCyberTiplineReportException e) {
            answer(
                    exchange,
                    200,
                    "<reportResponse><responseCode>1000</responseCode>"
                            + "<responseDescription>Invalid report</responseDescription></reportResponse>");
            return;
        }
        submitted.add(report);
        long id = nextReportId.getAndIncrement();
        answer(
                exchange,
                200,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><reportResponse><responseCode>0</responseCode>"
                        + "<responseDescription>Success</responseDescription><reportId>" + id
                        + "</reportId></reportResponse>");
    }

    private void finish(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id = form.startsWith("id=") ? URLDecoder.decode(form.substring(3), StandardCharsets.UTF_8) : "";
        finishAttempts.add(id);
        if (finishFails.get()) {
            answer(exchange, 503, "unavailable");
            return;
        }
        finished.add(id);
        answer(
                exchange,
                200,
                "<reportDoneResponse><responseCode>0</responseCode><reportId>" + id
                        + "</reportId><files/></reportDoneResponse>");
    }

    private static boolean authorised(HttpExchange exchange) throws IOException {
        String expected = "Basic "
                + Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (!"POST".equals(exchange.getRequestMethod())
                || !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "unauthorised");
            return false;
        }
        return true;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
