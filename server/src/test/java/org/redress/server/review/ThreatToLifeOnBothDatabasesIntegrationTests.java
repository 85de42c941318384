package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
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

/**
 * A threat to life or safety (EU DSA Art. 18): a moderator marks the case with what they saw; the
 * case goes to the head of the queue, a law-enforcement referral starts its own one-hour clock, and
 * the configured contact gets one e-mail right after the commit, naming the case and the threat
 * but not the reporter. Only moderators may mark; a mark without a reason is refused.
 */
class ThreatToLifeOnBothDatabasesIntegrationTests {

    private static final String CONTACT = "spoc@police.example";

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void marksAThreatThatJumpsTheQueueAndTellsTheContactOnce(TestDatabase.Vendor vendor) throws Exception {
        var smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try (var database = TestDatabase.create(vendor);
                var service = new Service(
                        database,
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtp.getSmtp().getPort(),
                        "--redress.review.threats.contact=" + CONTACT)) {
            String older = service.reported("post-" + UUID.randomUUID(), "SUBJECT");
            String threatened = service.reported("post-" + UUID.randomUUID(), "SUBJECT");
            assertThat(firstInQueue(service)).isEqualTo(older);

            Answer blank = service.send(
                    "POST", "/api/v1/cases/" + threatened + "/threat", service.decider, "{\"reason\":\"  \"}");
            assertThat(blank.status()).isEqualTo(422);
            assertThat(blank.body()).contains("/problems/invalid-threat-reason");
            Answer byPlatform = service.send(
                    "POST", "/api/v1/cases/" + threatened + "/threat", service.platformKey, "{\"reason\":\"x\"}");
            assertThat(byPlatform.status()).isEqualTo(403);

            Answer marked = service.send(
                    "POST",
                    "/api/v1/cases/" + threatened + "/threat",
                    service.decider,
                    "{\"reason\":\"The message with the image says the sender will come to her house tonight.\"}");
            assertThat(marked.status()).as(marked.body()).isEqualTo(201);
            JsonNode referral = marked.json();
            assertThat(Instant.parse(referral.get("dueAt").asString()))
                    .isEqualTo(
                            Instant.parse(referral.get("markedAt").asString()).plus(Duration.ofHours(1)));
            assertThat(firstInQueue(service)).as("the threat jumps the queue").isEqualTo(threatened);

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length == 1);
            var message = smtp.getReceivedMessages()[0];
            assertThat(message.getRecipients(Message.RecipientType.TO)[0].toString())
                    .isEqualTo(CONTACT);
            assertThat(message.getSubject()).contains(threatened);
            assertThat(GreenMailUtil.getBody(message))
                    .contains("come to her house tonight")
                    .doesNotContain("Sam Example");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> service.send("GET", "/api/v1/cases/" + threatened + "/threats", service.decider, "")
                            .json()
                            .get(0)
                            .get("state")
                            .asString()
                            .equals("NOTIFIED"));
            assertThat(service.send("GET", "/api/v1/cases/" + threatened, service.decider, "")
                            .body())
                    .contains("THREAT_MARKED")
                    .contains("THREAT_NOTIFIED");
            assertThat(smtp.getReceivedMessages()).as("told once").hasSize(1);
        } finally {
            smtp.stop();
        }
    }

    private static String firstInQueue(Service service) throws Exception {
        return service.send("GET", "/api/v1/cases?state=OPEN", service.decider, "")
                .json()
                .get(0)
                .get("id")
                .asString();
    }
}
