package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.redress.pdq.EntryFraming;
import org.redress.pdq.Fingerprint;
import org.redress.pdq.PdqHasher;
import org.redress.pdq.RgbPixels;
import org.redress.server.HeadlessChromium;
import org.redress.server.ServiceTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The protect page hashes an image's framings on the device exactly as the server hashes them for
 * an image it banks (docs/adr/0026): the same framings, in the same order, to the same bits, so a
 * victim's protected photo catches the cropped, tilted and turned copies a removed one would.
 */
@ServiceTest
class ProtectFramingsBrowserIntegrationTests {

    private static final Path PIXELS = Path.of(
                    System.getProperty("redress.pdq.vectors", "../pdq/src/test/resources/pdq-vectors"))
            .resolve("pixels")
            .toAbsolutePath()
            .normalize();

    /** Runs the page's framings over RGBA pixels sent as base64: the framing hashes joined by commas. */
    private static final String FRAMINGS = """
            var text = atob(arguments[0]);
            var rgba = new Uint8ClampedArray(text.length);
            for (var i = 0; i < text.length; i++) { rgba[i] = text.charCodeAt(i); }
            var own = RedressPdq.hashPixels(rgba, arguments[1], arguments[2]);
            return RedressFramings.framingHashes(rgba, arguments[1], arguments[2], own).join(',');
            """;

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

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

    @Test
    void hashesEachFramingOfAPictureToTheSameBitsAsTheServer() throws IOException {
        browser.get("http://localhost:" + port + "/protect");
        List<Path> files;
        try (Stream<Path> listed = Files.list(PIXELS)) {
            files = listed.filter(p -> p.toString().endsWith(".pnm.gz"))
                    .sorted()
                    .toList();
        }
        PdqHasher hasher = PdqHasher.create();
        int framed = 0;
        for (Path file : files) {
            Picture picture = Picture.readPnm(gunzip(file));
            RgbPixels pixels = RgbPixels.copyOf(picture.width(), picture.height(), picture.rgb());
            Fingerprint own = hasher.hash(pixels);
            List<String> expected = new ArrayList<>();
            if (own.quality().value() >= 50) {
                for (EntryFraming framing : EntryFraming.values()) {
                    Fingerprint print = hasher.hash(framing.apply(pixels));
                    expected.add((print.quality().value() >= 50 ? print.hash() : own.hash()).toHex());
                }
                framed++;
            }

            Object actual = browser.executeScript(
                    FRAMINGS, Base64.getEncoder().encodeToString(picture.rgba()), picture.width(), picture.height());

            assertThat(actual).as(file.getFileName().toString()).isEqualTo(String.join(",", expected));
        }
        assertThat(framed).as("pictures clear enough to be framed").isGreaterThanOrEqualTo(5);
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    /** A binary PPM (P6) or PGM (P5) file's pixels, as packed RGB and as the RGBA the page reads. */
    private record Picture(int width, int height, int[] rgb) {

        byte[] rgba() {
            byte[] out = new byte[rgb.length * 4];
            for (int i = 0; i < rgb.length; i++) {
                out[i * 4] = (byte) (rgb[i] >> 16);
                out[i * 4 + 1] = (byte) (rgb[i] >> 8);
                out[i * 4 + 2] = (byte) rgb[i];
                out[i * 4 + 3] = (byte) 255;
            }
            return out;
        }

        static Picture readPnm(byte[] bytes) {
            int[] position = {0};
            String magic = token(bytes, position);
            int width = Integer.parseInt(token(bytes, position));
            int height = Integer.parseInt(token(bytes, position));
            int max = Integer.parseInt(token(bytes, position));
            position[0]++;
            if (max != 255 || !(magic.equals("P5") || magic.equals("P6"))) {
                throw new IllegalArgumentException("not an 8-bit P5 or P6 file: " + magic);
            }
            int channels = magic.equals("P6") ? 3 : 1;
            int[] rgb = new int[width * height];
            for (int p = 0; p < rgb.length; p++) {
                int at = position[0] + p * channels;
                int r = bytes[at] & 0xFF;
                int g = bytes[at + (channels == 3 ? 1 : 0)] & 0xFF;
                int b = bytes[at + (channels == 3 ? 2 : 0)] & 0xFF;
                rgb[p] = r << 16 | g << 8 | b;
            }
            return new Picture(width, height, Arrays.copyOf(rgb, rgb.length));
        }

        private static String token(byte[] bytes, int[] position) {
            while (true) {
                while (Character.isWhitespace(bytes[position[0]])) {
                    position[0]++;
                }
                if (bytes[position[0]] != '#') {
                    break;
                }
                while (bytes[position[0]] != '\n') {
                    position[0]++;
                }
            }
            int start = position[0];
            while (!Character.isWhitespace(bytes[position[0]])) {
                position[0]++;
            }
            return new String(bytes, start, position[0] - start, StandardCharsets.US_ASCII);
        }
    }
}
