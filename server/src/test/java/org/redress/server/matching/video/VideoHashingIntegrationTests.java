package org.redress.server.matching.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hashing videos with the real ffprobe and ffmpeg: the frames, the limits checked before decoding,
 * the refusal of what is no video, and that no temporary file is left behind. No Spring, but child
 * processes, hence an integration test.
 */
class VideoHashingIntegrationTests {

    private static byte[] sixSeconds;

    @BeforeAll
    static void makeVideo() {
        TestVideos.requireFfmpeg();
        sixSeconds = TestVideos.slideshow(
                List.of(TestVideos.photograph(0), TestVideos.photograph(1), TestVideos.photograph(2)), 2);
    }

    @Test
    void hashesOneFrameASecondBesideTheFilesDigests() {
        var hashed = new VideoHashing(TestVideos.settings(Map.of())).hash(sixSeconds);

        assertThat(hashed.sampledFrames()).isBetween(6, 7);
        assertThat(hashed.frames()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(hashed.hashes().pdq()).isEmpty();
        assertThat(hashed.hashes().md5()).get().asString().hasSize(32);
        assertThat(hashed.hashes().sha256()).get().asString().hasSize(64);
        // Three photographs: the first and the last frames show different scenes.
        assertThat(hashed.frames().getFirst().distanceTo(hashed.frames().getLast()))
                .isGreaterThan(64);
    }

    @Test
    void refusesAVideoOverEachLimitBeforeDecodingIt() {
        assertOverLimit(Map.of("max-duration", "5s"), "duration", "5");
        assertOverLimit(Map.of("max-frame-pixels", "300000"), "resolution", "300000");
        assertOverLimit(Map.of("max-frames", "100"), "frames", "100");
        assertOverLimit(Map.of("max-bytes", "1KB"), "bytes", "1024");
    }

    private static void assertOverLimit(Map<String, String> settings, String limit, String maximum) {
        assertThatThrownBy(() -> new VideoHashing(TestVideos.settings(settings)).hash(sixSeconds))
                .isInstanceOfSatisfying(
                        VideoOverLimitException.class,
                        e -> assertThat(e.revealable())
                                .containsEntry("limit", limit)
                                .containsEntry("maximum", maximum));
    }

    @Test
    void refusesWhatIsNoVideoAndLeavesNoTemporaryFile() throws Exception {
        var hashing = new VideoHashing(TestVideos.settings(Map.of()));
        long before = leftovers();

        assertThatThrownBy(() -> hashing.hash("not a video at all".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        UndecodableVideoException.class,
                        e -> assertThat(e.revealable()).containsEntry("reason", "unreadable"));
        byte[] png = Files.readAllBytes(TestVideos.photograph(5));
        assertThatThrownBy(() -> hashing.hash(png)).isInstanceOf(UndecodableVideoException.class);

        assertThat(leftovers()).isEqualTo(before);
    }

    @Test
    void hashesAVideoCutShortAsFarAsItGoes() {
        byte[] cutShort = java.util.Arrays.copyOf(sixSeconds, sixSeconds.length / 3);

        var hashed = new VideoHashing(TestVideos.settings(Map.of())).hash(cutShort);

        assertThat(hashed.sampledFrames()).isBetween(1, 5);
    }

    @Test
    void leavesOutFramesUnderTheQualityFloor() {
        byte[] flat = TestVideos.slideshow(List.of(TestVideos.photograph(7), TestVideos.photograph(8)), 2);

        var hashed = new VideoHashing(TestVideos.settings(Map.of())).hash(flat);

        assertThat(hashed.sampledFrames()).isGreaterThanOrEqualTo(4);
        assertThat(hashed.frames()).isEmpty();
    }

    @Test
    void killsTheDecoderWhenTheTimeLimitPasses() {
        var hashing = new VideoHashing(TestVideos.settings(Map.of("timeout", "1ms")));

        assertThatThrownBy(() -> hashing.hash(sixSeconds))
                .isInstanceOfSatisfying(
                        VideoOverLimitException.class,
                        e -> assertThat(e.revealable()).containsEntry("limit", "decode-time"));
    }

    @Test
    void saysWhenTheProgramsAreMissing() {
        var hashing = new VideoHashing(TestVideos.settings(Map.of("ffprobe", "/nonexistent/ffprobe")));

        assertThatThrownBy(() -> hashing.hash(sixSeconds)).isInstanceOf(VideoDecoderMissingException.class);
    }

    private static long leftovers() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("redress-video-"))
                    .count();
        }
    }
}
