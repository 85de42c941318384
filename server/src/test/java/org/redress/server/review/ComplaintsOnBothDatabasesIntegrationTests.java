package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.RedressApplication;
import org.redress.server.TestDatabase;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.intake.mail.IntakeMailer;
import org.redress.server.matching.banks.MatchIndex;
import org.redress.server.shared.Actor;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every complaint type taken to an answered state on each database, over real HTTP with real keys,
 * a platform endpoint and an in-process SMTP server: a reporter's complaints about the decision,
 * about delay and about the reporting process on a removed case (expedited for the person shown,
 * ordinary for a bystander), an uploader's complaint about an automated block filed by the
 * platform; the case's decider refused as the owner; the answers on the reporter's status JSON, in
 * their e-mail and in the platform's view; every change in the audit log.
 */
class ComplaintsOnBothDatabasesIntegrationTests {

    private static final Actor TESTER = new Actor.Operator("test");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String IMAGE = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

    private record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** A reporter's status link: their reference and token. */
    private record Holder(String ref, String token) {}

    private static final class Service implements AutoCloseable {
        private final Platform platform = new Platform(Instant::now);
        private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        private final ConfigurableApplicationContext context;
        private final HttpClient client = HttpClient.newHttpClient();
        private final String base;
        private final String platformKey;
        private final String decider;
        private final String handler;
        private final String senior;

        Service(TestDatabase database) throws Exception {
            smtp.start();
            context = new SpringApplicationBuilder(RedressApplication.class)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .registerShutdownHook(false)
                    .properties("logging.level.root=WARN", "logging.level.org.redress.server.storage=ERROR")
                    .run(
                            "--server.port=0",
                            "--redress.data=" + database.dataDirectory(),
                            "--redress.db-url=" + database.jdbcUrl(),
                            "--redress.public-url=http://complaints.example",
                            "--redress.webhook.url=" + platform.url(),
                            "--redress.webhook.secret=" + Platform.SECRET,
                            "--spring.mail.host=127.0.0.1",
                            "--spring.mail.port=" + smtp.getSmtp().getPort(),
                            // Sent by hand below, never by the schedule.
                            "--redress.intake.mail-interval=PT1H");
            base = "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port");
            var identity = context.getBean(Identity.class);
            platformKey =
                    identity.issueApiKey(TESTER, "platform", Role.PLATFORM).secret();
            decider = staff(identity, "decider", Role.MODERATOR);
            handler = staff(identity, "handler", Role.MODERATOR);
            senior = staff(identity, "lead", Role.SENIOR_MODERATOR);
            context.getBean(MatchIndex.class).refresh();
        }

        private static String staff(Identity identity, String name, Role role) {
            return identity.createUser(TESTER, Username.of(name), role, true)
                    .apiKey()
                    .orElseThrow()
                    .secret();
        }

        Answer send(String method, String path, String key, String json) throws Exception {
            var request = HttpRequest.newBuilder(URI.create(base + path))
                    .method(
                            method,
                            json.isEmpty()
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json));
            if (!key.isEmpty()) {
                request.header("Authorization", "Bearer " + key);
            }
            if (!json.isEmpty()) {
                request.header("Content-Type", "application/json");
            }
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        }

        String check(String contentId, String uploaderId) throws Exception {
            Answer answer = send(
                    "POST",
                    "/api/v1/checks",
                    platformKey,
                    "{\"contentId\":\"%s\",\"uploaderId\":\"%s\",\"pdq\":\"%s\"}"
                            .formatted(contentId, uploaderId, IMAGE));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            return answer.json().get("verdict").asString();
        }

        Holder report(String role, String contentId, String email) throws Exception {
            Answer filed = send(
                    "POST", "/api/v1/reports", "", """
                    {"reporterRole":"%s",
                     "declarations":{"intimateImage":true,"subjectOrAuthorised":%s,"goodFaithAndTrue":true},
                     "signature":"Sam Example","contentLocators":["%s"],
                     "contact":{"email":"%s"},
                     "subjectWasUnder18":false}""".formatted(role, !role.equals("BYSTANDER"), contentId, email));
            assertThat(filed.status()).as(filed.body()).isEqualTo(201);
            return new Holder(
                    filed.json().get("caseRef").asString(),
                    filed.json().get("statusToken").asString());
        }

        Answer reporter(String method, Holder holder, String path, String json) throws Exception {
            var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/reports/" + holder.ref() + path))
                    .header("X-Case-Token", holder.token())
                    .method(
                            method,
                            json.isEmpty()
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json));
            if (!json.isEmpty()) {
                request.header("Content-Type", "application/json");
            }
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        }

        String complain(Holder holder, String type, String text) throws Exception {
            Answer filed =
                    reporter("POST", holder, "/complaints", "{\"type\":\"%s\",\"text\":\"%s\"}".formatted(type, text));
            assertThat(filed.status()).as(filed.body()).isEqualTo(201);
            assertThat(filed.json().propertyNames()).contains("complaintId", "receivedAt");
            return filed.json().get("complaintId").asString();
        }

        /** The decider removes the reported content and the platform confirms it. */
        void removedBy(String key, String caseRef, String contentId) throws Exception {
            send("POST", "/api/v1/cases/" + caseRef + "/claim", key, "");
            Answer decided = send("POST", "/api/v1/cases/" + caseRef + "/decision", key, "{\"outcome\":\"REMOVE\"}");
            assertThat(decided.status()).as(decided.body()).isEqualTo(200);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> platform.acknowledged("content.remove").stream()
                            .anyMatch(r -> r.body().get("contentId").asString().equals(contentId)));
        }

        JsonNode staffComplaint(String id) throws Exception {
            Answer file = send("GET", "/api/v1/complaints/" + id, handler, "");
            assertThat(file.status()).as(file.body()).isEqualTo(200);
            return file.json();
        }

        Answer answer(String key, String id, String outcome, String reply) throws Exception {
            return send(
                    "POST",
                    "/api/v1/complaints/" + id + "/answer",
                    key,
                    "{\"outcome\":\"%s\",\"reply\":\"%s\"}".formatted(outcome, reply));
        }

        List<String> audited(String action) {
            return context.getBean(JdbcClient.class)
                    .sql("SELECT object_id FROM audit_entry WHERE action = :action")
                    .param("action", action)
                    .query(String.class)
                    .list();
        }

        @Override
        public void close() {
            client.close();
            context.close();
            platform.close();
            smtp.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void answersEveryComplaintTypeAndTheAnswerReachesTheComplainant(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var service = new Service(database)) {
            String content = "post-" + UUID.randomUUID();
            assertThat(service.check(content, "uploader-1")).isEqualTo("ALLOW");
            Holder subject = service.report("SUBJECT", content, "subject@example.org");
            Holder bystander = service.report("BYSTANDER", content, "bystander@example.org");
            service.removedBy(service.decider, subject.ref(), content);

            // A complaint on a removed case: each one gets an answer-by time the reporter sees.
            String aboutDecision = service.complain(subject, "DECISION", "Why was only one copy removed?");
            String aboutDelay = service.complain(subject, "DELAY", "It took too long to remove it.");
            String aboutProcess = service.complain(bystander, "REPORTING_PROCESS", "The form asked for my name.");
            JsonNode beforeAnswers = service.reporter("GET", subject, "", "").json();
            assertThat(beforeAnswers.get("complaints")).hasSize(2).allSatisfy(c -> {
                assertThat(c.get("answerBy").isNull()).isFalse();
                assertThat(c.get("outcome").isNull()).isTrue();
            });

            JsonNode expedited = service.staffComplaint(aboutDecision);
            assertThat(expedited.get("text").asString()).isEqualTo("Why was only one copy removed?");
            assertThat(expedited.get("deciders").get(0).asString()).isEqualTo("decider");
            assertThat(expedited.get("complaint").get("expedited").asBoolean()).isTrue();
            assertThat(Instant.parse(expedited.get("complaint").get("dueAt").asString()))
                    .isEqualTo(Instant.parse(
                                    expedited.get("complaint").get("receivedAt").asString())
                            .plus(Duration.ofHours(48)));
            JsonNode ordinary = service.staffComplaint(aboutProcess).get("complaint");
            assertThat(ordinary.get("expedited").asBoolean()).isFalse();
            assertThat(Instant.parse(ordinary.get("dueAt").asString()))
                    .isEqualTo(
                            Instant.parse(ordinary.get("receivedAt").asString()).plus(Duration.ofDays(7)));

            // The case's decider may neither take a complaint about it nor be given one.
            Answer refused =
                    service.send("POST", "/api/v1/complaints/" + aboutDecision + "/claim", service.decider, "");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("/problems/different-moderator-required");
            Answer refusedAssignment = service.send(
                    "POST",
                    "/api/v1/complaints/" + aboutDelay + "/assign",
                    service.senior,
                    "{\"username\":\"decider\"}");
            assertThat(refusedAssignment.status()).isEqualTo(403);
            assertThat(service.answer(service.handler, aboutDecision, "NOT_UPHELD", "Not yours yet.")
                            .status())
                    .as("only the owner answers")
                    .isEqualTo(403);

            // The uploader of a blocked copy complains through the platform.
            String copy = "copy-" + UUID.randomUUID();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> service.check(copy, "uploader-2"), "BLOCK"::equals);
            assertThat(service.send(
                                    "POST",
                                    "/api/v1/block-complaints",
                                    service.platformKey,
                                    "{\"contentId\":\"%s\",\"uploaderId\":\"someone-else\",\"text\":\"Mine.\"}"
                                            .formatted(copy))
                            .status())
                    .isEqualTo(404);
            Answer blocked = service.send(
                    "POST",
                    "/api/v1/block-complaints",
                    service.platformKey,
                    "{\"contentId\":\"%s\",\"uploaderId\":\"uploader-2\",\"text\":\"This is my own photo.\"}"
                            .formatted(copy));
            assertThat(blocked.status()).as(blocked.body()).isEqualTo(201);
            String aboutBlock = blocked.json().get("complaintId").asString();
            assertThat(service.staffComplaint(aboutBlock).get("text").asString())
                    .isEqualTo("This is my own photo.");

            Answer queue = service.send("GET", "/api/v1/complaints", service.handler, "");
            assertThat(queue.json().valueStream().map(c -> c.get("type").asString()))
                    .contains("DECISION", "DELAY", "REPORTING_PROCESS", "AUTOMATED_BLOCK");

            List<String> answered = new ArrayList<>();
            for (String[] step : new String[][] {
                {aboutDecision, "UPHELD_ACTION_TAKEN", "We asked the platform to remove the other copy."},
                {aboutDelay, "UPHELD_NO_FURTHER_ACTION", "We are sorry it took longer than it should have."},
                {aboutProcess, "NOT_UPHELD", "The name is needed for a removal request."},
                {aboutBlock, "NOT_UPHELD", "The image matched one that was removed after a report."}
            }) {
                Answer claimed = service.send("POST", "/api/v1/complaints/" + step[0] + "/claim", service.handler, "");
                assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
                assertThat(claimed.json().get("owner").asString()).isEqualTo("handler");
                Answer done = service.answer(service.handler, step[0], step[1], step[2]);
                assertThat(done.status()).as(done.body()).isEqualTo(200);
                assertThat(done.json().get("outcome").asString()).isEqualTo(step[1]);
                answered.add(step[0]);
            }
            assertThat(service.answer(service.handler, aboutDelay, "NOT_UPHELD", "Again.")
                            .status())
                    .as("an answer is final")
                    .isEqualTo(409);

            JsonNode subjectView = service.reporter("GET", subject, "", "").json();
            assertThat(subjectView
                            .get("complaints")
                            .valueStream()
                            .map(c -> c.get("reply").asString()))
                    .containsExactly(
                            "We asked the platform to remove the other copy.",
                            "We are sorry it took longer than it should have.");
            assertThat(subjectView.get("complaints").get(0).get("outcome").asString())
                    .isEqualTo("UPHELD_ACTION_TAKEN");
            assertThat(subjectView
                            .get("history")
                            .valueStream()
                            .map(e -> e.get("what").asString()))
                    .contains("COMPLAINT_RECEIVED", "COMPLAINT_ANSWERED");
            JsonNode bystanderView = service.reporter("GET", bystander, "", "").json();
            assertThat(bystanderView.get("complaints").get(0).get("reply").asString())
                    .isEqualTo("The name is needed for a removal request.");
            assertThat(bystanderView.toString()).doesNotContain("other copy");

            JsonNode platformView = service.send(
                            "GET", "/api/v1/block-complaints/" + aboutBlock, service.platformKey, "")
                    .json();
            assertThat(platformView.get("outcome").asString()).isEqualTo("NOT_UPHELD");
            assertThat(platformView.get("reply").asString())
                    .isEqualTo("The image matched one that was removed after a report.");
            assertThat(service.send("GET", "/api/v1/block-complaints/" + aboutDecision, service.platformKey, "")
                            .status())
                    .as("a reporter's complaint is not the platform's to read")
                    .isEqualTo(404);

            service.context.getBean(IntakeMailer.class).dispatch();
            List<String> answerMails = new ArrayList<>();
            for (MimeMessage message : service.smtp.getReceivedMessages()) {
                if (message.getSubject().startsWith("The answer to your complaint")) {
                    answerMails.add(message.getAllRecipients()[0] + " " + GreenMailUtil.getBody(message));
                }
            }
            assertThat(answerMails).hasSize(3);
            assertThat(answerMails)
                    .anySatisfy(mail -> assertThat(mail)
                            .startsWith("subject@example.org")
                            .contains("We asked the platform to remove the other copy."))
                    .anySatisfy(mail -> assertThat(mail)
                            .startsWith("bystander@example.org")
                            .contains("The name is needed for a removal request."));

            assertThat(service.audited("complaint.received")).containsAll(answered);
            assertThat(service.audited("complaint.claimed")).containsAll(answered);
            assertThat(service.audited("complaint.answered:NOT_UPHELD")).contains(aboutProcess, aboutBlock);
        }
    }
}
