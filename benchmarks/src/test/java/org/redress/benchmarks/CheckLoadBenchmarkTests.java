package org.redress.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.commandline.Command;
import org.redress.commandline.UsageException;

class CheckLoadBenchmarkTests {

    private static final String KEY = "rk_test_key";
    private static final Pattern CHECK =
            Pattern.compile("\\{\"contentId\":\"([^\"]+)\",\"uploaderId\":\"[^\"]+\",\"pdq\":\"[0-9a-f]{64}\"}");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicInteger received = new AtomicInteger();
    private final Set<String> contentIds = ConcurrentHashMap.newKeySet();
    private final Set<String> malformed = ConcurrentHashMap.newKeySet();
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void sendsEveryDueCheckWithTheKeyAFreshHashAndAUniqueContentId() throws Exception {
        int port = serve(200, false);

        int status = run(
                Map.of("REDRESS_KEY", KEY),
                "--rate",
                "200",
                "--seconds",
                "1",
                "--connections",
                "4",
                "--url",
                "http://127.0.0.1:" + port);

        assertThat(status)
                .as(err.toString(java.nio.charset.StandardCharsets.UTF_8))
                .isZero();
        assertThat(received).hasValue(200);
        assertThat(contentIds).hasSize(200);
        assertThat(malformed).isEmpty();
        assertThat(out())
                .contains("(200 due)")
                .contains("answered: 200 2xx")
                .contains("failed: 0")
                .contains("latency from the due time: p50=")
                .contains("service time from the send: p50=");
    }

    @Test
    void readsChunkedAnswersOnTheSameConnectionAndPrintsEachSecond() throws Exception {
        int port = serve(200, true);

        int status = run(
                Map.of("REDRESS_KEY", KEY),
                "--rate",
                "100",
                "--seconds",
                "2",
                "--connections",
                "2",
                "--warmup",
                "0.5",
                "--timeline",
                "--url",
                "http://127.0.0.1:" + port);

        assertThat(status)
                .as(err.toString(java.nio.charset.StandardCharsets.UTF_8))
                .isZero();
        assertThat(received).hasValue(250);
        assertThat(out())
                .contains("warm-up: 50 checks")
                .contains("answered: 200 2xx")
                .contains("second   0:   100 answered  p50=")
                .contains("second   1:   100 answered  p50=");
    }

    @Test
    void countsRefusedChecksAsFailuresAndExitsWithOne() throws Exception {
        int port = serve(401, false);

        int status = run(
                Map.of("REDRESS_KEY", KEY),
                "--rate",
                "50",
                "--seconds",
                "1",
                "--connections",
                "2",
                "--url",
                "http://127.0.0.1:" + port);

        assertThat(status).isEqualTo(Command.SOME_INPUT_BAD);
        assertThat(out()).contains("answered: 0 2xx").contains("failed: 50").contains("no answers");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("first failure: HTTP 401");
    }

    @Test
    void sendsBatchesOfChecksAtTheCheckRateAndCountsACheckAnsweredWithAProblemAsAFailure() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        AtomicInteger batches = new AtomicInteger();
        server.createContext("/api/v1/checks/batch", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var checks = CHECK.matcher(body);
            int count = 0;
            while (checks.find()) {
                contentIds.add(checks.group(1));
                count++;
            }
            // The third batch has one check refused, as a server answers a bad check of a batch.
            String result =
                    batches.incrementAndGet() == 3 ? "{\"problem\":{\"status\":400}}" : "{\"verdict\":\"ALLOW\"}";
            byte[] answer = ("{\"results\":[" + String.join(",", java.util.Collections.nCopies(count, result)) + "]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body.startsWith("{\"checks\":[") && count == 10 ? 200 : 400, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();

        int status = run(
                Map.of("REDRESS_KEY", KEY),
                "--rate",
                "200",
                "--batch",
                "10",
                "--seconds",
                "1",
                "--connections",
                "2",
                "--url",
                "http://127.0.0.1:" + server.getAddress().getPort());

        assertThat(status).isEqualTo(Command.SOME_INPUT_BAD);
        assertThat(batches).hasValue(20);
        assertThat(contentIds).hasSize(200);
        assertThat(out()).contains("(20 batches of 10 due)").contains("answered: 19 batches of 10 2xx");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("answered with a problem");
    }

    @Test
    void refusesToRunWithoutAKeyOrWithABadRate() {
        var benchmark = new CheckLoadBenchmark(Map.of());
        assertThatThrownBy(() -> benchmark.run(List.of("--rate", "10"), new PrintStream(out), new PrintStream(err)))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("REDRESS_KEY");
        var keyed = new CheckLoadBenchmark(Map.of("REDRESS_KEY", KEY));
        assertThatThrownBy(() -> keyed.run(List.of("--rate", "-5"), new PrintStream(out), new PrintStream(err)))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--rate must be a positive number");
        assertThatThrownBy(() -> keyed.run(
                        List.of("--rate", "5", "--url", "ftp://x"), new PrintStream(out), new PrintStream(err)))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--url");
    }

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = new long[1000];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = (i + 1) * 1_000_000L;
        }

        assertThat(CheckLoadBenchmark.percentile(sorted, 0.50)).isEqualTo(500_000_000L);
        assertThat(CheckLoadBenchmark.percentile(sorted, 0.99)).isEqualTo(990_000_000L);
        assertThat(CheckLoadBenchmark.percentile(sorted, 0.999)).isEqualTo(999_000_000L);
        assertThat(CheckLoadBenchmark.percentiles(sorted))
                .isEqualTo("p50=500.00 ms p90=900.00 ms p99=990.00 ms p99.9=999.00 ms max=1000.00 ms");
    }

    private int serve(int status, boolean chunked) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/v1/checks", exchange -> answer(exchange, status, chunked));
        server.start();
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, int status, boolean chunked) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.incrementAndGet();
        var match = CHECK.matcher(body);
        if (!"POST".equals(exchange.getRequestMethod())
                || !("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || !"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))
                || !match.matches()) {
            malformed.add(body);
        } else {
            contentIds.add(match.group(1));
        }
        byte[] answer = "{\"verdict\":\"ALLOW\",\"matches\":[]}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, chunked ? 0 : answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private int run(Map<String, String> environment, String... args) throws UsageException {
        return new CheckLoadBenchmark(environment)
                .run(List.of(args), new PrintStream(out, true), new PrintStream(err, true));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
