package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redress.server.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Where ffprobe and ffmpeg cannot be started, a video check answers {@code 501}
 * {@code /problems/video-unsupported} and image checks go on as before; a check with neither file,
 * or with both, names the {@code image} part.
 */
class VideoChecksWithoutFfmpegIntegrationTests {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void answersVideoUnsupportedAndKeepsCheckingImages() throws Exception {
        try (var database = TestDatabase.create(TestDatabase.Vendor.SQLITE);
                var service = new RunningService(
                        database,
                        "video-admin",
                        "--redress.matching.video.ffprobe=/nonexistent/ffprobe",
                        "--redress.matching.video.ffmpeg=/nonexistent/ffmpeg")) {
            var video = VideoChecksOnBothDatabasesIntegrationTests.check(
                    service, "anything".getBytes(StandardCharsets.UTF_8), "v-" + UUID.randomUUID());
            assertThat(video.status()).as(video.body()).isEqualTo(501);
            JsonNode problem = json.readTree(video.body());
            assertThat(problem.get("type").asString()).isEqualTo("/problems/video-unsupported");

            byte[] png = TestImages.png(TestImages.picture(411));
            String boundary = "image-boundary";
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n"
                    + "Content-Type: image/png\r\n\r\n";
            String tail = "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"contentId\"\r\n\r\ni-"
                    + UUID.randomUUID() + "\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"uploaderId\"\r\n\r\nu-1\r\n--" + boundary + "--\r\n";
            var body = new java.io.ByteArrayOutputStream();
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(png);
            body.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
            var image = service.send(
                    "POST",
                    "/api/v1/checks",
                    service.platform,
                    "multipart/form-data; boundary=" + boundary,
                    body.toByteArray());
            assertThat(image.status()).as(image.body()).isEqualTo(200);
            assertThat(json.readTree(image.body()).get("verdict").asString()).isEqualTo("ALLOW");

            String neither = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"contentId\"\r\n\r\nn-1\r\n--"
                    + boundary + "\r\nContent-Disposition: form-data; name=\"uploaderId\"\r\n\r\nu-1\r\n--" + boundary
                    + "--\r\n";
            var none = service.send(
                    "POST",
                    "/api/v1/checks",
                    service.platform,
                    "multipart/form-data; boundary=" + boundary,
                    neither.getBytes(StandardCharsets.UTF_8));
            assertThat(none.status()).as(none.body()).isEqualTo(400);
            assertThat(none.body()).contains("#/image");
        }
    }
}
