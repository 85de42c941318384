package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.TestDatabase;
import org.redress.server.review.AppealEndToEndOnBothDatabasesIntegrationTests.Answer;
import org.redress.server.review.AppealEndToEndOnBothDatabasesIntegrationTests.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * UK OSA s.10(3B) as it reads: when the reporter is neither the person shown nor acting for them,
 * only the 48-hour duty goes. The case stays in the queue with the ordinary target, the reporter
 * is told in plain words and shown no 48-hour deadline, and the content still gets a real decision
 * (s.10(3)(b)): here a removal, previewed first, which the platform confirms.
 */
class DeadlineExemptionOnBothDatabasesIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void keepsAnExemptReportInTheQueueUntilARealDecisionRemovesTheContent(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var service = new Service(database)) {
            String content = "post-" + UUID.randomUUID();
            assertThat(service.check(content, "uploader-x")).isEqualTo("ALLOW");
            String caseRef = service.reported(content, "BYSTANDER");
            Instant receivedAt = Instant.parse(service.send("GET", "/api/v1/cases/" + caseRef, service.decider, "")
                    .json()
                    .get("reviewCase")
                    .get("receivedAt")
                    .asString());

            service.send("POST", "/api/v1/cases/" + caseRef + "/claim", service.decider, "");
            Answer lifted = service.send(
                    "POST",
                    "/api/v1/cases/" + caseRef + "/decision",
                    service.decider,
                    "{\"outcome\":\"NO_VIOLATION\",\"reasonCode\":\"REPORTER_NOT_SUBJECT_OR_AUTHORISED\"}");
            assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
            assertThat(lifted.json().get("outcome").asString()).isEqualTo("LIFT_DEADLINE");

            JsonNode stillOpen = service.send("GET", "/api/v1/cases/" + caseRef, service.decider, "")
                    .json()
                    .get("reviewCase");
            assertThat(stillOpen.get("state").asString()).isEqualTo("OPEN");
            assertThat(stillOpen.get("claimedBy").isNull())
                    .as("back in the queue")
                    .isTrue();
            assertThat(Instant.parse(stillOpen.get("deadline").asString()))
                    .isEqualTo(receivedAt.plus(Duration.ofDays(7)));
            assertThat(service.send("GET", "/api/v1/cases?state=OPEN", service.decider, "")
                            .body())
                    .contains(caseRef);
            JsonNode reporter = JSON.readTree(service.reporterView());
            assertThat(reporter.get("state").asString()).isEqualTo("OPEN");
            assertThat(reporter.path("removalDeadline").isMissingNode()
                            || reporter.get("removalDeadline").isNull())
                    .as("no 48-hour deadline is promised")
                    .isTrue();
            assertThat(reporter.toString()).contains("DEADLINE_LIFTED");

            service.send("POST", "/api/v1/cases/" + caseRef + "/claim", service.otherSenior, "");
            Answer preview = service.send(
                    "POST",
                    "/api/v1/cases/" + caseRef + "/decision/preview",
                    service.otherSenior,
                    "{\"outcome\":\"REMOVE\",\"statement\":\"Posted without the consent of the person shown.\"}");
            assertThat(preview.status()).as(preview.body()).isEqualTo(200);
            assertThat(preview.json().get("statementOfReasons").toString())
                    .contains("Posted without the consent of the person shown.")
                    .contains(content)
                    .doesNotContain("Sam Example");
            assertThat(service.platform.acknowledged("content.remove"))
                    .as("a preview sends nothing")
                    .isEmpty();
            Answer removal = service.decide(service.otherSenior, caseRef, "REMOVE");
            assertThat(removal.status()).as(removal.body()).isEqualTo(200);
            assertThat(service.removalStatement(content, "uploader-x")).isNotNull();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(
                            () -> JSON.readTree(service.reporterView())
                                    .get("state")
                                    .asString(),
                            "REMOVED"::equals);
        }
    }
}
