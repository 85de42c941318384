package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redress.pdq.PdqHash;
import org.redress.pdq.PdqHasher;
import org.redress.pdq.imageio.DecodeLimits;
import org.redress.pdq.imageio.ImageIoDecoder;
import org.redress.server.HeadlessChromium;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Most portrait phone photos are JPEGs stored sideways with an EXIF orientation, which browsers
 * apply when they decode. Protected on {@code /protect}, such a photo must still be recognised
 * when the platform checks a copy by the hash of its stored pixels, as every other PDQ tool
 * computes it.
 */
@ServiceTest
class ProtectedPhonePhotoBrowserIntegrationTests {

    private static final Path TESTDATA = Path.of(
                    System.getProperty("redress.pdq.vectors", "../pdq/src/test/resources/pdq-vectors"))
            .toAbsolutePath()
            .normalize();
    private static final String PHONE_PHOTO = "reg-test-input/exif-rotn/exif-rotn-6.jpg";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    Identity identity;

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = HeadlessChromium.startOrSkip(HeadlessChromium.NetworkLog.OFF);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private List<WebElement> hashOnThePage(List<Path> files) {
        browser.get("http://localhost:" + port + "/protect");
        byId("images")
                .sendKeys(files.stream().map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining("\n")));
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(d -> "true".equals(byId("hash-progress").getDomAttribute("data-done")));
        return browser.findElements(By.cssSelector("#hash-results tbody tr"));
    }

    @Test
    void blocksAReEncodedCopyOfAProtectedPhonePhotoCheckedByItsHash() throws Exception {
        hashOnThePage(List.of(TESTDATA.resolve("images/" + PHONE_PHOTO)));
        byId("subjectOrAuthorised").click();
        byId("goodFaithAndTrue").click();
        byId("under18-no").click();
        byId("send-hashes").click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> byId("protect-receipt").isDisplayed());

        byte[] copy = reEncoded(Files.readAllBytes(TESTDATA.resolve("images/" + PHONE_PHOTO)));
        PdqHash serverHash = PdqHasher.create()
                .hash(ImageIoDecoder.create(DecodeLimits.defaults()).decode(new ByteArrayInputStream(copy)))
                .hash();
        String key = "Bearer "
                + identity.issueApiKey(new Actor.Operator("test"), "platform-" + UUID.randomUUID(), Role.PLATFORM)
                        .secret();
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/checks"))
                        .header("Authorization", key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"contentId\":\"phone-%s\",\"uploaderId\":\"u-1\",\"pdq\":\"%s\"}"
                                        .formatted(UUID.randomUUID(), serverHash.toHex())))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(answer.body());
        assertThat(result.get("verdict").asString()).as(answer.body()).isEqualTo("BLOCK");
        assertThat(result.get("matches").get(0).get("bank").asString()).isEqualTo("victims");
    }

    @Test
    void hashesAPhonePhotoAsStoredWhicheverWayItsExifSaysToTurnIt() throws IOException {
        byte[] photo = Files.readAllBytes(TESTDATA.resolve("images/" + PHONE_PHOTO));
        List<Path> turned = new ArrayList<>();
        for (int orientation = 1; orientation <= 8; orientation++) {
            Path file = temp.resolve("orientation-" + orientation + ".jpg");
            Files.write(file, withOrientation(photo, orientation));
            turned.add(file);
        }
        String[] reference = referenceDihedral().get(PHONE_PHOTO);
        var rows = hashOnThePage(turned);
        assertThat(rows).hasSize(8);
        for (WebElement row : rows) {
            String name = row.getDomAttribute("data-name");
            PdqHash pdq = PdqHash.fromHex(row.getDomAttribute("data-pdq"));
            assertThat(pdq.distanceTo(PdqHash.fromHex(reference[0])))
                    .as("distance of %s from the reference", name)
                    .isLessThanOrEqualTo(10);
            String[] dihedral =
                    String.valueOf(row.getDomAttribute("data-dihedral")).split(",");
            assertThat(dihedral).as(name).hasSize(8);
            assertThat(dihedral[0]).isEqualTo(pdq.toHex());
            for (int i = 0; i < 8; i++) {
                assertThat(PdqHash.fromHex(dihedral[i]).distanceTo(PdqHash.fromHex(reference[i])))
                        .as("distance of variant %d of %s", i, name)
                        .isLessThanOrEqualTo(10);
            }
        }
    }

    /** The JPEG with its EXIF orientation tag set to this value (the pixels stay as they are). */
    static byte[] withOrientation(byte[] jpeg, int orientation) {
        byte[] copy = jpeg.clone();
        int exif = indexOf(copy, "Exif\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(exif).as("an EXIF segment").isPositive();
        int tiff = exif + 6;
        var buffer = ByteBuffer.wrap(copy);
        buffer.order(copy[tiff] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = tiff + buffer.getInt(tiff + 4);
        int count = Short.toUnsignedInt(buffer.getShort(ifd));
        for (int i = 0; i < count; i++) {
            int entry = ifd + 2 + 12 * i;
            if (Short.toUnsignedInt(buffer.getShort(entry)) == 0x0112) {
                buffer.putShort(entry + 8, (short) orientation);
                return copy;
            }
        }
        throw new AssertionError("no orientation tag");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    /** Decoded and written again as a JPEG without EXIF, as a re-upload through another app would be. */
    private static byte[] reEncoded(byte[] jpeg) throws IOException {
        var image = ImageIO.read(new ByteArrayInputStream(jpeg));
        var out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "jpg", out)).isTrue();
        assertThat(indexOf(out.toByteArray(), "Exif".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isNegative();
        return out.toByteArray();
    }

    private static Map<String, String[]> referenceDihedral() throws IOException {
        Map<String, String[]> hashes = new HashMap<>();
        for (String line : Files.readAllLines(TESTDATA.resolve("reference-dihedral.tsv"))) {
            String[] fields = line.split("\t");
            if (fields.length >= 9 && !fields[0].equals("path")) {
                hashes.put(fields[0], Arrays.copyOfRange(fields, 1, 9));
            }
        }
        return hashes;
    }
}
