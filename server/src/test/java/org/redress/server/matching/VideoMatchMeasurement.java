package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.redress.server.TestDatabase;
import org.redress.server.matching.video.TestVideos;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Measures the video match (docs/adr/0028) over HTTP on SQLite with the default settings: five
 * 10-second videos made from the test vectors' photographs are checked and banked by confirmed
 * removals; then each is checked again encoded anew at three sizes and three bitrates (H.264), as
 * VP9 in WebM and as MPEG-4 part 2 in AVI (recall: BLOCK by its own entry), and six unrelated
 * videos (two flat photographs none of them shows, and five of ffmpeg's generated patterns) are checked
 * (false matches: any match). Prints the figures and each check's time. Not part of the suite (the
 * name matches neither test pattern); run it with {@code ./mvnw -pl server -am verify
 * -Dtest=VideoMatchMeasurement -Dit.test=NoSuch -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
class VideoMatchMeasurement {

    private static final String[][] ENCODINGS = {
        {"320", "240", "100k", "libx264", ".mp4"},
        {"320", "240", "300k", "libx264", ".mp4"},
        {"320", "240", "1000k", "libx264", ".mp4"},
        {"480", "360", "100k", "libx264", ".mp4"},
        {"480", "360", "300k", "libx264", ".mp4"},
        {"480", "360", "1000k", "libx264", ".mp4"},
        {"1280", "720", "100k", "libx264", ".mp4"},
        {"1280", "720", "300k", "libx264", ".mp4"},
        {"1280", "720", "1000k", "libx264", ".mp4"},
        {"426", "240", "200k", "libvpx-vp9", ".webm"},
        {"640", "480", "500k", "mpeg4", ".avi"},
    };

    private static final List<String> PATTERNS = List.of("testsrc2", "mandelbrot", "life", "cellauto", "smptehdbars");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void recallOnReencodingsAndFalseMatchesAmongUnrelatedVideos() throws Exception {
        TestVideos.requireFfmpeg();
        List<byte[]> originals = new ArrayList<>();
        originals.add(TestVideos.slideshow(List.of(TestVideos.photograph(0), TestVideos.photograph(1)), 5));
        originals.add(TestVideos.slideshow(List.of(TestVideos.photograph(2), TestVideos.photograph(3)), 5));
        for (int i = 4; i < 7; i++) {
            originals.add(TestVideos.slideshow(List.of(TestVideos.photograph(i)), 10));
        }
        List<byte[]> unrelated = new ArrayList<>();
        unrelated.add(TestVideos.slideshow(List.of(TestVideos.photograph(7), TestVideos.photograph(8)), 5));
        PATTERNS.forEach(pattern -> unrelated.add(TestVideos.pattern(pattern, 10)));
        List<Long> millis = new ArrayList<>();
        try (var database = TestDatabase.create(TestDatabase.Vendor.SQLITE);
                var service = new RunningService(database, "video-admin")) {
            Map<Long, Integer> ownerOfEntry = new HashMap<>();
            for (int v = 0; v < originals.size(); v++) {
                String contentId = "original-" + v;
                assertThat(verdict(service, originals.get(v), contentId, millis)
                                .get("verdict")
                                .asString())
                        .isEqualTo("ALLOW");
                var entries = service.context
                        .getBean(Matching.class)
                        .bankConfirmedRemoval(
                                new Actor.Operator("measure"),
                                new CaseRef("RP-MEASURE-" + v),
                                new ContentId(contentId),
                                Optional.empty());
                ownerOfEntry.put(entries.getFirst().id(), v);
            }
            int found = 0;
            int wrong = 0;
            int total = 0;
            for (int v = 0; v < originals.size(); v++) {
                for (String[] e : ENCODINGS) {
                    byte[] copy = TestVideos.reencode(
                            originals.get(v), Integer.parseInt(e[0]), Integer.parseInt(e[1]), e[2], e[3], e[4]);
                    JsonNode answer = verdict(service, copy, "copy-" + v + "-" + String.join("-", e), millis);
                    total++;
                    boolean own = false;
                    for (JsonNode match : answer.get("matches")) {
                        if (ownerOfEntry.get(match.get("entryId").asLong()) == v) {
                            own = true;
                        } else {
                            wrong++;
                        }
                    }
                    found += own ? 1 : 0;
                    System.out.printf(
                            Locale.ROOT,
                            "video %d %sx%s %s %s: %s %s%n",
                            v,
                            e[0],
                            e[1],
                            e[2],
                            e[3],
                            answer.get("verdict").asString(),
                            answer.get("matches"));
                }
            }
            int falseMatches = 0;
            for (int u = 0; u < unrelated.size(); u++) {
                JsonNode answer = verdict(service, unrelated.get(u), "unrelated-" + u, millis);
                falseMatches += answer.get("matches").size();
            }
            millis.sort(Long::compare);
            System.out.printf(
                    Locale.ROOT,
                    "recall %d/%d, matches of another video's entry %d, false matches among %d unrelated videos %d%n"
                            + "check of a 10 s video over HTTP: median %d ms, p90 %d ms, max %d ms over %d checks%n",
                    found,
                    total,
                    wrong,
                    unrelated.size(),
                    falseMatches,
                    millis.get(millis.size() / 2),
                    millis.get(millis.size() * 9 / 10),
                    millis.getLast(),
                    millis.size());
        }
    }

    private JsonNode verdict(RunningService service, byte[] video, String contentId, List<Long> millis)
            throws Exception {
        long started = System.nanoTime();
        var answer = VideoChecksOnBothDatabasesIntegrationTests.check(service, video, contentId);
        millis.add((System.nanoTime() - started) / 1_000_000);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }
}
