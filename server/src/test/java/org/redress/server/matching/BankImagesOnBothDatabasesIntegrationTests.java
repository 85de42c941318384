package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.pdq.PdqHash;
import org.redress.server.TestDatabase;
import org.redress.server.matching.check.UploadHashing;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/v1/banks/{name}/images}: an administrator adds an image, and Redress keeps what
 * matching needs (PDQ, MD5, SHA-256 and the rotations and mirrorings as variants), so a platform
 * that sends only the plain PDQ hash of a turned copy is still blocked. On each database.
 */
class BankImagesOnBothDatabasesIntegrationTests {

    private static final String BOUNDARY = "bank-image-boundary";

    private final ObjectMapper json = new ObjectMapper();

    private static byte[] multipart(byte[] image, String note) {
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(image);
        body.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n" + note
                        + "\r\n--" + BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static RunningService.Answer addImage(RunningService service, String bank, String key, byte[] image)
            throws Exception {
        return service.send(
                "POST",
                "/api/v1/banks/" + bank + "/images",
                key,
                "multipart/form-data; boundary=" + BOUNDARY,
                multipart(image, "reported by the subject"));
    }

    /** The BLOCK bank "reported". */
    private static void createBlockBank(RunningService service) throws Exception {
        var created = service.send(
                "POST",
                "/api/v1/banks",
                service.admin,
                "application/json",
                "{\"name\":\"reported\",\"action\":\"BLOCK\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private JsonNode check(RunningService service, PdqHash pdq) throws Exception {
        String body = "{\"contentId\":\"c-" + UUID.randomUUID() + "\",\"uploaderId\":\"u-1\",\"pdq\":\"" + pdq.toHex()
                + "\"}";
        var answer = service.send(
                "POST", "/api/v1/checks", service.platform, "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void keepsAnImagesHashesAndVariantsSoATurnedCopyIsBlocked(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var service = new RunningService(database, "image-admin")) {
            createBlockBank(service);
            var original = TestImages.picture(301);
            byte[] png = TestImages.png(original);

            var added = addImage(service, "reported", service.admin, png);

            assertThat(added.status()).as(added.body()).isEqualTo(201);
            long entryId = json.readTree(added.body()).get("entryId").asLong();
            JsonNode entry = json.readTree(
                    service.send("GET", "/api/v1/banks/reported/hashes/" + entryId, service.admin, "", new byte[0])
                            .body());
            var expected = UploadHashing.hash(png).hashes();
            assertThat(entry.get("pdq").asString())
                    .isEqualTo(expected.pdq().orElseThrow().toHex());
            assertThat(entry.get("md5").asString()).isEqualTo(digest("MD5", png));
            assertThat(entry.get("sha256").asString()).isEqualTo(digest("SHA-256", png));

            PdqHash turned = UploadHashing.hash(TestImages.png(TestImages.rotated(original)))
                    .hashes()
                    .pdq()
                    .orElseThrow();
            assertThat(turned.distanceTo(expected.pdq().orElseThrow())).isGreaterThan(31);
            JsonNode verdict = check(service, turned);
            assertThat(verdict.get("verdict").asString()).isEqualTo("BLOCK");
            assertThat(verdict.get("matches").get(0).get("entryId").asLong()).isEqualTo(entryId);
        }
    }

    /** The picture turned by {@code degrees} about its centre on a canvas of its size, corners black. */
    private static BufferedImage tilted(BufferedImage picture, double degrees) {
        var out = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.rotate(Math.toRadians(degrees), picture.getWidth() / 2.0, picture.getHeight() / 2.0);
        g.drawImage(picture, 0, 0, null);
        g.dispose();
        return out;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void blocksCroppedAndTiltedCopiesThatThePlatformHashesItselfAfterARestart(TestDatabase.Vendor vendor)
            throws Exception {
        try (var database = TestDatabase.create(vendor)) {
            var original = TestImages.picture(305);
            byte[] png = TestImages.png(original);
            long entryId;
            try (var service = new RunningService(database, "image-admin")) {
                createBlockBank(service);
                var added = addImage(service, "reported", service.admin, png);
                assertThat(added.status()).as(added.body()).isEqualTo(201);
                entryId = json.readTree(added.body()).get("entryId").asLong();
            }
            int w = original.getWidth();
            int h = original.getHeight();
            PdqHash banked = UploadHashing.hash(png).hashes().pdq().orElseThrow();
            var copies = new java.util.LinkedHashMap<String, BufferedImage>();
            copies.put("CENTRE_", original.getSubimage(w / 20, h / 20, w - w / 10, h - h / 10));
            copies.put("CORNER_", original.getSubimage(w / 10, h / 10, w - w / 10, h - h / 10));
            copies.put("EDGE_", original.getSubimage(0, 0, w, h - h / 10));
            copies.put("TILT_", tilted(original, 7));

            // A new process reads the entry back from the database: its framings are stored, not recomputed.
            try (var service = new RunningService(database, "image-admin-2")) {
                for (var copy : copies.entrySet()) {
                    PdqHash platformHash = UploadHashing.hash(TestImages.png(copy.getValue()))
                            .hashes()
                            .pdq()
                            .orElseThrow();
                    assertThat(platformHash.distanceTo(banked))
                            .as("%s copy is beyond the distance of the banked hash itself", copy.getKey())
                            .isGreaterThan(31);

                    JsonNode verdict = check(service, platformHash);

                    assertThat(verdict.get("verdict").asString())
                            .as(copy.getKey())
                            .isEqualTo("BLOCK");
                    JsonNode match = verdict.get("matches").get(0);
                    assertThat(match.get("entryId").asLong()).isEqualTo(entryId);
                    assertThat(match.get("variant").asString()).startsWith(copy.getKey());
                }
            }
        }
    }

    /** The picture inside a black frame, as a re-upload with a border looks. */
    private static BufferedImage framed(BufferedImage picture, int border) {
        var out = new BufferedImage(
                picture.getWidth() + 2 * border, picture.getHeight() + 2 * border, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(picture, border, border, null);
        g.dispose();
        return out;
    }

    private static byte[] imageCheck(byte[] image) {
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(image);
        body.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"contentId\"\r\n\r\nframed-"
                        + UUID.randomUUID() + "\r\n--" + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"uploaderId\"\r\n\r\nu-1\r\n--" + BOUNDARY
                        + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void blocksAnUploadOfTheBankedImageInsideABorder(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var service = new RunningService(database, "image-admin")) {
            createBlockBank(service);
            var original = TestImages.picture(303);
            var added = addImage(service, "reported", service.admin, TestImages.png(original));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            byte[] copy = TestImages.png(framed(original, 12));
            PdqHash plainCopy = UploadHashing.hash(copy).hashes().pdq().orElseThrow();
            PdqHash banked =
                    UploadHashing.hash(TestImages.png(original)).hashes().pdq().orElseThrow();
            assertThat(plainCopy.distanceTo(banked)).isGreaterThan(31);

            var answer = service.send(
                    "POST",
                    "/api/v1/checks",
                    service.platform,
                    "multipart/form-data; boundary=" + BOUNDARY,
                    imageCheck(copy));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(json.readTree(answer.body()).get("verdict").asString()).isEqualTo("BLOCK");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void refusesWhatIsNoImageAnUnknownBankAndAPlatformKey(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var service = new RunningService(database, "image-admin")) {
            createBlockBank(service);
            byte[] png = TestImages.png(TestImages.picture(302));

            var notAnImage =
                    addImage(service, "reported", service.admin, "plain text".getBytes(StandardCharsets.UTF_8));
            assertThat(notAnImage.status()).as(notAnImage.body()).isEqualTo(422);
            assertThat(notAnImage.body()).contains("/problems/image-undecodable");
            var notMultipart = service.send(
                    "POST",
                    "/api/v1/banks/reported/images",
                    service.admin,
                    "application/json",
                    "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(notMultipart.status()).as(notMultipart.body()).isEqualTo(400);
            assertThat(notMultipart.body()).contains("/problems/");
            assertThat(addImage(service, "no-such-bank", service.admin, png).status())
                    .isEqualTo(404);
            assertThat(addImage(service, "reported", service.platform, png).status())
                    .isEqualTo(403);
            var export =
                    service.send("GET", "/api/v1/banks/reported/export?format=text", service.admin, "", new byte[0]);
            assertThat(export.body()).isBlank();
        }
    }

    private static String digest(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }
}
