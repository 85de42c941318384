package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.TestDatabase;
import org.redress.server.matching.video.TestVideos;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/v1/checks} with a {@code video} part (docs/adr/0028): a checked video is
 * registered with its digests and frame hashes; once its removal is confirmed, its entry in the
 * confirmed-removals bank holds its MD5, SHA-256 and frames, so its exact copy is blocked by digest
 * and a smaller copy encoded again at a lower bitrate by its frames, while an unrelated video is
 * allowed. What is no video, or a video over a limit, is a 422 problem. On each database.
 */
class VideoChecksOnBothDatabasesIntegrationTests {

    private static final String BOUNDARY = "video-check-boundary";

    private static byte[] original;
    private static byte[] smallerAndCheaper;
    private static byte[] unrelated;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void makeVideos() {
        TestVideos.requireFfmpeg();
        original = TestVideos.slideshow(
                List.of(TestVideos.photograph(0), TestVideos.photograph(2), TestVideos.photograph(4)), 3);
        smallerAndCheaper = TestVideos.reencode(original, 320, 240, "150k", "libx264", ".mp4");
        unrelated = TestVideos.slideshow(
                List.of(TestVideos.photograph(1), TestVideos.photograph(3), TestVideos.photograph(5)), 3);
    }

    static byte[] videoCheck(byte[] video, String contentId) {
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"video\"; filename=\"v.mp4\"\r\n"
                        + "Content-Type: video/mp4\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(video);
        body.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"contentId\"\r\n\r\n"
                        + contentId + "\r\n--" + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"uploaderId\"\r\n\r\nu-1\r\n--" + BOUNDARY
                        + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    static RunningService.Answer check(RunningService service, byte[] video, String contentId) throws Exception {
        return service.send(
                "POST",
                "/api/v1/checks",
                service.platform,
                "multipart/form-data; boundary=" + BOUNDARY,
                videoCheck(video, contentId));
    }

    private JsonNode verdictOf(RunningService.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void blocksAReencodedSmallerCopyOfARemovedVideoAndAllowsAnUnrelatedOne(TestDatabase.Vendor vendor)
            throws Exception {
        try (var database = TestDatabase.create(vendor);
                var service = new RunningService(database, "video-admin")) {
            String removed = "video-" + UUID.randomUUID();
            assertThat(verdictOf(check(service, original, removed))
                            .get("verdict")
                            .asString())
                    .isEqualTo("ALLOW");

            // The platform confirmed the removal that a moderator decided: review's follow-up banks it.
            List<BankEntry> banked = service.context
                    .getBean(Matching.class)
                    .bankConfirmedRemoval(
                            new Actor.Operator("test"),
                            new CaseRef("RP-VIDEO-1"),
                            new ContentId(removed),
                            Optional.empty());
            assertThat(banked).hasSize(1);
            assertThat(banked.getFirst().hashes().md5()).isPresent();
            assertThat(banked.getFirst().hashes().sha256()).isPresent();

            JsonNode exact = verdictOf(check(service, original, "copy-" + UUID.randomUUID()));
            assertThat(exact.get("verdict").asString()).isEqualTo("BLOCK");
            assertThat(exact.get("matches").get(0).get("distance").asInt()).isZero();

            JsonNode reencoded = verdictOf(check(service, smallerAndCheaper, "copy-" + UUID.randomUUID()));
            assertThat(reencoded.get("verdict").asString())
                    .as(reencoded.toString())
                    .isEqualTo("BLOCK");
            assertThat(reencoded.get("matches").get(0).get("bank").asString()).isEqualTo("confirmed-removals");
            assertThat(reencoded.get("matches").get(0).get("entryId").asLong())
                    .isEqualTo(banked.getFirst().id());
            assertThat(reencoded.get("matches").get(0).get("distance").asInt()).isPositive();
            assertThat(reencoded.get("statementOfReasons")).isNotNull();

            JsonNode other = verdictOf(check(service, unrelated, "other-" + UUID.randomUUID()));
            assertThat(other.get("verdict").asString()).isEqualTo("ALLOW");
            assertThat(other.get("matches")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void refusesAnUndecodableFileAndAVideoOverALimit(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var service = new RunningService(database, "video-admin", "--redress.matching.video.max-duration=5s")) {
            var notAVideo = check(service, "plain text".getBytes(StandardCharsets.UTF_8), "c-" + UUID.randomUUID());
            assertThat(notAVideo.status()).as(notAVideo.body()).isEqualTo(422);
            JsonNode problem = json.readTree(notAVideo.body());
            assertThat(problem.get("type").asString()).isEqualTo("/problems/video-undecodable");
            assertThat(problem.get("reason").asString()).isEqualTo("unreadable");

            var tooLong = check(service, original, "c-" + UUID.randomUUID());
            assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(422);
            JsonNode over = json.readTree(tooLong.body());
            assertThat(over.get("type").asString()).isEqualTo("/problems/video-over-limit");
            assertThat(over.get("limit").asString()).isEqualTo("duration");
            assertThat(over.get("maximum").asString()).isEqualTo("5");
        }
    }
}
