package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redress.pdq.PdqHash;
import org.redress.pdq.Quality;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.matching.EntryHashes;
import org.redress.server.matching.Matching;
import org.redress.server.matching.Upload;
import org.redress.server.matching.Verdict;
import org.redress.server.matching.check.UploadHashing;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Automated blocks are provisional until a person confirms them: an anonymous hash submission
 * blocks the picture at once, provisionally, with a statement of reasons and a deterrence message
 * in the check's answer and in an {@code upload.blocked} webhook; every upload of it joins one case
 * for the entry; the moderator's release restores each blocked upload and lets the picture through.
 * A submitted hash that matches hundreds of registered uploads at once is held for a moderator
 * before it blocks anything or opens a case per upload.
 */
@ServiceTest
class ProvisionalBlockIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Actor TESTER = new Actor.Operator("test");
    private static Platform platform;

    @DynamicPropertySource
    static void webhooks(DynamicPropertyRegistry registry) throws IOException {
        platform = new Platform(Instant::now);
        registry.add("redress.webhook.url", () -> platform.url().toString());
        registry.add("redress.webhook.secret", () -> Platform.SECRET);
        registry.add("redress.matching.appeal-url", () -> "https://platform.example/help/appeal-a-block");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Identity identity;

    @Autowired
    Review review;

    @Autowired
    Matching matching;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAnonymousSubmissionBlocksProvisionallyInOneCaseUntilAModeratorReleasesIt() throws Exception {
        String platformKey = "Bearer "
                + identity.issueApiKey(TESTER, "platform", Role.PLATFORM).secret();
        byte[] picture = RemovalEndToEndIntegrationTests.png(RemovalEndToEndIntegrationTests.picture(4141));
        var hashed = UploadHashing.hash(picture);
        String submission = submit(hashed.hashes().pdq().orElseThrow(), hashed.quality());
        String first = "upload-" + UUID.randomUUID();
        String second = "upload-" + UUID.randomUUID();

        JsonNode blocked = check(platformKey, first, picture);
        assertThat(blocked.get("verdict").asString()).isEqualTo("BLOCK");
        assertThat(blocked.get("matches")).hasSize(1);
        assertThat(blocked.get("matches").get(0).get("provisional").asBoolean()).isTrue();
        JsonNode statement = blocked.get("statementOfReasons");
        assertThat(statement.get("automatedMeans").get("decision").asBoolean()).isTrue();
        assertThat(statement.get("restriction").get("duration").asString()).isEqualTo("UNTIL_REVIEWED");
        assertThat(statement.get("redress").get("internalAppeal").get("url").asString())
                .isEqualTo("https://platform.example/help/appeal-a-block");
        assertThat(statement.get("redress").get("humanReview").asString()).contains("moderator checks");
        assertThat(statement
                        .get("redress")
                        .get("internalComplaint")
                        .get("platformRoute")
                        .asString())
                .isEqualTo("POST /api/v1/block-complaints");
        assertThat(blocked.get("deterrence").get("message").asString()).contains("criminal offence");
        assertThat(check(platformKey, second, picture).get("verdict").asString())
                .isEqualTo("BLOCK");

        List<ReviewCase> opened = casesLinkedTo(submission);
        assertThat(opened).as("one case for the entry, not one per upload").hasSize(1);
        ReviewCase entryCase = opened.getFirst();
        assertThat(entryCase.origin()).isEqualTo(Origin.PROVISIONAL);
        assertThat(review.caseFile(entryCase.ref()).contents())
                .extracting(CaseContent::contentId)
                .containsExactlyInAnyOrder(first, second);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> platform.acknowledged("upload.blocked").stream()
                        .anyMatch(r -> r.body().get("contentId").asString().equals(first)));
        Platform.Received announced = platform.acknowledged("upload.blocked").stream()
                .filter(r -> r.body().get("contentId").asString().equals(first))
                .findFirst()
                .orElseThrow();
        assertThat(announced.signatureValid()).isTrue();
        assertThat(announced.body().get("caseRef").asString())
                .isEqualTo(entryCase.ref().value());
        assertThat(announced
                        .body()
                        .get("statementOfReasons")
                        .get("automatedMeans")
                        .get("decision")
                        .asBoolean())
                .isTrue();
        assertThat(announced.body().get("deterrence").get("message").asString()).contains("criminal offence");

        String moderator = moderatorKey();
        assertThat(post("/api/v1/cases/" + entryCase.ref().value() + "/claim", moderator, "")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> released = post(
                "/api/v1/cases/" + entryCase.ref().value() + "/decision",
                moderator,
                "{\"outcome\":\"NO_VIOLATION\",\"reasonCode\":\"NOT_INTIMATE_IMAGE_CONTENT\"}");
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> platform.acknowledged("content.restore").stream()
                        .map(r -> r.body().get("contentId").asString())
                        .toList()
                        .containsAll(List.of(first, second)));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> check(platformKey, "upload-" + UUID.randomUUID(), picture)
                        .get("verdict")
                        .asString()
                        .equals("ALLOW"));
        assertThat(casesLinkedTo(submission))
                .as("no case opened by the release")
                .isEmpty();
    }

    @Test
    void aModeratorsConfirmationMakesTheBlockFinalAndOpensTheUsualCaseForACopyOnline() throws Exception {
        String platformKey = "Bearer "
                + identity.issueApiKey(TESTER, "platform", Role.PLATFORM).secret();
        byte[] picture = RemovalEndToEndIntegrationTests.png(RemovalEndToEndIntegrationTests.picture(4242));
        String online = "online-" + UUID.randomUUID();
        assertThat(check(platformKey, online, picture).get("verdict").asString())
                .isEqualTo("ALLOW");
        var hashed = UploadHashing.hash(picture);
        String submission = submit(hashed.hashes().pdq().orElseThrow(), hashed.quality());

        List<ReviewCase> opened = casesLinkedTo(submission);
        assertThat(opened)
                .as("the copy online joins the entry's case, no case of its own before a person looks")
                .singleElement()
                .satisfies(c -> assertThat(c.origin()).isEqualTo(Origin.PROVISIONAL));
        CaseRef entryCase = opened.getFirst().ref();
        assertThat(review.caseFile(entryCase).matches())
                .extracting(CaseMatch::contentId)
                .contains(online);
        assertThat(check(platformKey, "upload-" + UUID.randomUUID(), picture)
                        .get("matches")
                        .get(0)
                        .get("provisional")
                        .asBoolean())
                .isTrue();

        String moderator = moderatorKey();
        assertThat(post("/api/v1/cases/" + entryCase.value() + "/claim", moderator, "")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> confirmed = post(
                "/api/v1/cases/" + entryCase.value() + "/decision",
                moderator,
                "{\"outcome\":\"REMOVE\",\"basis\":\"ILLEGAL_CONTENT\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);

        assertThat(review.find(entryCase).state()).isEqualTo(ReviewState.REMOVED);
        assertThat(casesLinkedTo(submission))
                .as("the copy online now has the usual case of a confirmed match")
                .anySatisfy(c -> {
                    assertThat(c.origin()).isEqualTo(Origin.MATCH);
                    assertThat(review.caseFile(c.ref()).contents())
                            .extracting(CaseContent::contentId)
                            .containsExactly(online);
                });
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            JsonNode again = check(platformKey, "upload-" + UUID.randomUUID(), picture);
            return again.get("verdict").asString().equals("BLOCK")
                    && !again.get("matches").get(0).get("provisional").asBoolean();
        });
    }

    @Test
    void aSubmissionsDihedralHashesBlockARotatedCopyCheckedByItsOwnHashAlone() throws Exception {
        String platformKey = "Bearer "
                + identity.issueApiKey(TESTER, "platform", Role.PLATFORM).secret();
        var picture = RemovalEndToEndIntegrationTests.picture(4343);
        var hashed = UploadHashing.hash(RemovalEndToEndIntegrationTests.png(picture));
        var dihedral = new StringBuilder();
        for (PdqHash variant : hashed.variants()) {
            dihedral.append(dihedral.isEmpty() ? "" : ",")
                    .append('"')
                    .append(variant.toHex())
                    .append('"');
        }
        String body =
                "{\"hashes\":[{\"pdq\":\"" + hashed.hashes().pdq().orElseThrow().toHex() + "\",\"quality\":"
                        + hashed.quality().value() + ",\"dihedral\":[" + dihedral + "]}],"
                        + "\"declarations\":{\"subjectOrAuthorised\":true,\"goodFaithAndTrue\":true}}";
        HttpResponse<String> submitted = post("/api/v1/hash-submissions", null, body);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);

        PdqHash turned = UploadHashing.hash(RemovalEndToEndIntegrationTests.png(rotated90(picture)))
                .hashes()
                .pdq()
                .orElseThrow();
        HttpResponse<String> checked = post(
                "/api/v1/checks",
                platformKey,
                "{\"contentId\":\"turned-" + UUID.randomUUID() + "\",\"uploaderId\":\"u\",\"pdq\":\"" + turned.toHex()
                        + "\"}");
        JsonNode answer = JSON.readTree(checked.body());
        assertThat(answer.get("verdict").asString()).as(checked.body()).isEqualTo("BLOCK");
        assertThat(answer.get("matches")).hasSize(1);
        assertThat(answer.get("matches").get(0).get("provisional").asBoolean()).isTrue();
        assertThat(answer.get("matches").get(0).get("variant").asString()).isIn("ROTATE_90", "ROTATE_270");

        // The entry's case records which of its hashes the copy matched, for the case page to name.
        String variant = answer.get("matches").get(0).get("variant").asString();
        CaseRef entryCase = Matching.confirmationCase(
                answer.get("matches").get(0).get("entryId").asLong());
        assertThat(review.caseFile(entryCase).matches())
                .extracting(CaseMatch::variant)
                .containsExactly(java.util.Optional.of(variant));
    }

    private static java.awt.image.BufferedImage rotated90(java.awt.image.BufferedImage source) {
        var rotated = new java.awt.image.BufferedImage(
                source.getHeight(), source.getWidth(), java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < source.getHeight(); y++) {
            for (int x = 0; x < source.getWidth(); x++) {
                rotated.setRGB(source.getHeight() - 1 - y, x, source.getRGB(x, y));
            }
        }
        return rotated;
    }

    @Test
    void aSubmittedHashMatchingFiveHundredRegisteredUploadsIsHeldForAModerator() throws Exception {
        var random = new Random(500);
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        PdqHash common = PdqHash.fromHex(java.util.HexFormat.of().formatHex(bits));
        List<String> uploads = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Verdict>> checks = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                String contentId = "flood-" + UUID.randomUUID();
                uploads.add(contentId);
                checks.add(threads.submit(() -> matching.check(
                                TESTER,
                                new Upload(contentId, "uploader-" + contentId, EntryHashes.ofPdq(common), List.of()))
                        .verdict()));
            }
            for (Future<Verdict> check : checks) {
                assertThat(check.get()).isEqualTo(Verdict.ALLOW);
            }
        }

        String submission = submit(common, new Quality(100));

        List<ReviewCase> opened = casesLinkedTo(submission);
        assertThat(opened).as("one case for a moderator, not 500").hasSize(1);
        assertThat(opened.getFirst().origin()).isEqualTo(Origin.PROVISIONAL);
        CaseFile file = review.caseFile(opened.getFirst().ref());
        assertThat(file.contents()).isEmpty();
        assertThat(file.history()).anySatisfy(h -> assertThat(h.what()).isEqualTo(HistoryStep.HELD_BY_FLOOD_GUARD));
        assertThat(review.queue(ReviewState.OPEN, 500).stream()
                        .flatMap(c -> review.caseFile(c.ref()).contents().stream())
                        .filter(content -> uploads.contains(content.contentId())))
                .as("no upload's case opened")
                .isEmpty();
        assertThat(matching.check(
                                TESTER,
                                new Upload(
                                        "flood-after-" + UUID.randomUUID(),
                                        "uploader",
                                        EntryHashes.ofPdq(common),
                                        List.of()))
                        .verdict())
                .as("a held entry blocks nothing before a moderator confirms it")
                .isEqualTo(Verdict.ALLOW);
    }

    private List<ReviewCase> casesLinkedTo(String submission) {
        return review.queue(ReviewState.OPEN, 500).stream()
                .filter(c -> c.linkedCase().equals(Optional.of(new CaseRef(submission))))
                .toList();
    }

    private String submit(PdqHash pdq, Quality quality) throws Exception {
        String body = "{\"hashes\":[{\"pdq\":\"" + pdq.toHex() + "\",\"quality\":" + quality.value() + "}],"
                + "\"declarations\":{\"subjectOrAuthorised\":true,\"goodFaithAndTrue\":true}}";
        HttpResponse<String> answer = post("/api/v1/hash-submissions", null, body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body()).get("caseRef").asString();
    }

    private String moderatorKey() {
        return "Bearer "
                + identity.createUser(
                                TESTER,
                                Username.of(
                                        "mod-" + UUID.randomUUID().toString().substring(0, 8)),
                                Role.MODERATOR,
                                true)
                        .apiKey()
                        .orElseThrow()
                        .secret();
    }

    private JsonNode check(String key, String contentId, byte[] image) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        for (String[] field : new String[][] {{"contentId", contentId}, {"uploaderId", "uploader-" + contentId}}) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                            + field[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"upload.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(image);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(url("/api/v1/checks"))
                        .header("Authorization", key)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> post(String path, String key, String json) throws Exception {
        var request = HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Authorization", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
