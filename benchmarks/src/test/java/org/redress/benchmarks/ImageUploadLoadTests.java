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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.commandline.Command;
import org.redress.commandline.UsageException;

class ImageUploadLoadTests {

    private static final String KEY = "rk_test_key";
    private static final Pattern CONTENT_ID = Pattern.compile("name=\"contentId\"\r\n\r\n([^\r]+)\r\n");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger carriedTheImage = new AtomicInteger();
    private final Set<String> contentIds = ConcurrentHashMap.newKeySet();
    private HttpServer server;

    @TempDir
    Path folder;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void postsTheFileAsAFormFromEveryClientAndTalliesTheAnswers() throws Exception {
        byte[] image = new byte[50_000];
        Arrays.fill(image, (byte) 7);
        Path file = Files.write(folder.resolve("big.png"), image);
        int port = serve(image);

        int status = run("--image", file.toString(), "--clients", "3", "--seconds", "0.5", "--url", url(port));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(received.get()).isPositive();
        assertThat(carriedTheImage).hasValue(received.get());
        assertThat(contentIds).as("a content id per upload").hasSize(received.get());
        // the server answers every third upload 413, the rest 200: both counted, neither a failure
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("sent: \\d+ uploads of big.png \\(50000 bytes\\) from 3 clients")
                .containsPattern("answers: \\d+ x 200, \\d+ x 413; connection failures: 0")
                .contains("answer time: p50=");
    }

    @Test
    void waitsAsARefusalsRetryAfterAsksOnlyWhenToldTo() throws Exception {
        Path file = Files.write(folder.resolve("small.png"), new byte[] {1, 2, 3});
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/v1/checks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.getResponseHeaders().add("Retry-After", "1");
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        String url = url(server.getAddress().getPort());

        run("--image", file.toString(), "--clients", "2", "--seconds", "1.5", "--retry-after", "--url", url);
        int polite = received.getAndSet(0);
        run("--image", file.toString(), "--clients", "2", "--seconds", "1.5", "--url", url);

        // Waiting a second after each refusal, two clients send at most two uploads each in 1.5 s.
        assertThat(polite).isBetween(2, 4);
        assertThat(received.get()).isGreaterThan(10);
    }

    @Test
    void exitsWithOneWhenNothingAnswers() throws Exception {
        Path file = Files.write(folder.resolve("x.png"), new byte[] {1, 2, 3});
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        int status = run("--image", file.toString(), "--clients", "1", "--seconds", "0.2", "--url", url(closedPort));

        assertThat(status).isEqualTo(Command.SOME_INPUT_BAD);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("answers: none")
                .contains("no answers");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("first failure: ConnectException");
    }

    @Test
    void refusesToRunWithoutAKeyOrAnImage() {
        assertThatThrownBy(() -> new ImageUploadLoad(Map.of())
                        .run(List.of("--image", "x.png"), new PrintStream(out), new PrintStream(err)))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("REDRESS_KEY");
        assertThatThrownBy(() -> new ImageUploadLoad(Map.of("REDRESS_KEY", KEY))
                        .run(List.of("--clients", "2"), new PrintStream(out), new PrintStream(err)))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--image");
    }

    @Test
    void namesAMissingFileAndExitsWithOne() throws UsageException {
        int status = run("--image", folder.resolve("missing.png").toString(), "--seconds", "0.1");

        assertThat(status).isEqualTo(Command.SOME_INPUT_BAD);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing.png");
    }

    private int serve(byte[] image) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/v1/checks", exchange -> answer(exchange, image));
        server.start();
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, byte[] image) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        int number = received.incrementAndGet();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if ("POST".equals(exchange.getRequestMethod())
                && ("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))
                && type != null
                && type.startsWith("multipart/form-data; boundary=")
                && text.contains("name=\"image\"")
                && text.contains(new String(image, StandardCharsets.ISO_8859_1))) {
            carriedTheImage.incrementAndGet();
        }
        var contentId = CONTENT_ID.matcher(text);
        if (contentId.find()) {
            contentIds.add(contentId.group(1));
        }
        byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(number % 3 == 0 ? 413 : 200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private int run(String... args) throws UsageException {
        return new ImageUploadLoad(Map.of("REDRESS_KEY", KEY))
                .run(List.of(args), new PrintStream(out, true), new PrintStream(err, true));
    }

    private static String url(int port) {
        return "http://127.0.0.1:" + port;
    }
}
