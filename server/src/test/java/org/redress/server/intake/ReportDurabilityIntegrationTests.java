package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.redress.server.RedressApplication;
import org.redress.server.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the service in a child process, files a report, kills the process with SIGKILL the moment
 * the 201 arrives, and checks that the report is there when the database is opened again.
 */
class ReportDurabilityIntegrationTests {

    @Test
    void keepsAReportAnswered201WhenTheServerIsKilledRightAfter() throws Exception {
        try (var db = TestDatabase.create(TestDatabase.Vendor.SQLITE)) {
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var process = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    RedressApplication.class.getName(), "--server.port=" + port, "--redress.data=" + db.dataDirectory(),
                    "--logging.level.root=WARN",
                    "--logging.level." + RedressApplication.class.getName() + "=INFO")
                    .redirectErrorStream(true)
                    .start();
            HttpResponse<String> answer;
            try {
                var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                awaitStarted(process);
                var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reports"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(IntakeApiIntegrationTests.validReport("id:durable")))
                        .build();
                answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            } finally {
                process.destroyForcibly();
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(answer.statusCode()).isEqualTo(201);
            assertThat(process.exitValue()).isEqualTo(137);
            var receipt = JsonMapper.builder().build().readTree(answer.body());
            String caseRef = receipt.get("caseRef").asString();

            try (var context = new IntakeContext(db)) {
                var status = context.intake().status(caseRef, receipt.get("statusToken").asString());
                assertThat(status.history()).extracting(CaseStatus.Event::what).containsExactly("REPORT_RECEIVED");
                assertThat(context.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM intake_content WHERE case_ref = :c")
                        .param("c", caseRef).query(Integer.class).single()).isEqualTo(1);
            }
        }
    }

    /**
     * Waits for the child's own "Started" log line rather than polling: the line is written once
     * the web server listens, and the reader keeps draining the pipe so the child never blocks.
     */
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
        started.get(120, TimeUnit.SECONDS);
    }
}
