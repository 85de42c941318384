package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.redress.server.ChildService;
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
            int port = ChildService.freePort();
            var process = ChildService.start(db.dataDirectory(), port);
            HttpResponse<String> answer;
            try {
                var http = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(2))
                        .build();
                var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reports"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(IntakeApiIntegrationTests.validReport("id:durable")))
                        .build();
                answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            } finally {
                assertThat(ChildService.kill(process)).isEqualTo(137);
            }
            assertThat(answer.statusCode()).isEqualTo(201);
            var receipt = JsonMapper.builder().build().readTree(answer.body());
            String caseRef = receipt.get("caseRef").asString();

            try (var context = new IntakeContext(db)) {
                var status = context.intake()
                        .status(caseRef, receipt.get("statusToken").asString());
                assertThat(status.history()).extracting(CaseStatus.Event::what).containsExactly("REPORT_RECEIVED");
                assertThat(context.bean(JdbcClient.class)
                                .sql("SELECT COUNT(*) FROM intake_content WHERE case_ref = :c")
                                .param("c", caseRef)
                                .query(Integer.class)
                                .single())
                        .isEqualTo(1);
            }
        }
    }
}
