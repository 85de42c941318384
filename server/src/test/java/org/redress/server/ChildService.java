package org.redress.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The service in a child process on the test's class path, for tests that kill it with SIGKILL
 * and start it again on the same data.
 */
public final class ChildService {

    private ChildService() {}

    /** A port nobody listens on right now. */
    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Starts the service on the port and data directory with further {@code --name=value} arguments; returns once it
     * logged "Started".
     */
    public static Process start(Path data, int port, String... arguments) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                RedressApplication.class.getName(),
                "--server.port=" + port,
                "--redress.data=" + data,
                "--logging.level.root=WARN",
                "--logging.level." + RedressApplication.class.getName() + "=INFO"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        awaitStarted(process);
        return process;
    }

    /** Waits for the child's "Started" line; the reader keeps draining its output so it never blocks. */
    private static void awaitStarted(Process process) throws Exception {
        var started = new CompletableFuture<Void>();
        Thread.ofPlatform().daemon().start(() -> {
            try (var lines = process.inputReader(StandardCharsets.UTF_8)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.contains("Started " + RedressApplication.class.getSimpleName())) {
                        started.complete(null);
                    }
                }
            } catch (IOException closed) {
                // the process ended; reported below
            }
            started.completeExceptionally(new AssertionError("the server process ended before it started"));
        });
        try {
            started.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /**
     * Waits until the process's health check on the port answers 200 (up to 140 s); fails with the
     * process's log when it ends first. For a packaged {@code redress.jar} writing to {@code log}.
     */
    public static void awaitHealthy(Process process, int port, Path log, String name) {
        var health = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(java.time.Duration.ofSeconds(2))
                .build();
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(140))
                    .pollInterval(java.time.Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError(name + " ended: " + java.nio.file.Files.readString(log));
                        }
                        try {
                            return client.send(health, java.net.http.HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 200;
                        } catch (IOException notYet) {
                            return false;
                        }
                    });
        }
    }

    /** Kills the process with SIGKILL and checks that it died of it. */
    public static int kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the server process did not die");
        }
        return process.exitValue();
    }
}
