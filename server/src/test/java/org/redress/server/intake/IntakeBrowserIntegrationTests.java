package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redress.pdq.PdqHash;
import org.redress.server.HeadlessChromium;
import org.redress.server.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public pages in headless Chromium: a report made with the keyboard alone, and the
 * protect-my-images page hashing the bridge-mods images on the device, with every request the
 * browser sends inspected for image bytes (Chrome's network log records each request body).
 */
@ServiceTest
class IntakeBrowserIntegrationTests {

    private static final Path TESTDATA = Path.of(
                    System.getProperty("redress.pdq.vectors", "../pdq/src/test/resources/pdq-vectors"))
            .toAbsolutePath()
            .normalize();

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = HeadlessChromium.startOrSkip(HeadlessChromium.NetworkLog.ON);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    /** Presses Tab until the element with this id has the focus; fails when it is not reachable. */
    private void tabTo(String id) {
        for (int i = 0; i < 80; i++) {
            if (id.equals(browser.switchTo().activeElement().getDomAttribute("id"))) {
                return;
            }
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        fail("#" + id + " cannot be reached with the Tab key");
    }

    private void type(String text) {
        browser.switchTo().activeElement().sendKeys(text);
    }

    @Test
    void takesAReportMadeWithTheKeyboardAlone() {
        open("/report");
        String locator = "https://platform.example/keyboard/" + UUID.randomUUID();
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        tabTo("reporterRole");
        type(" ");
        tabTo("subjectWasUnder18");
        type(Keys.ARROW_DOWN.toString());
        tabTo("contentLocators");
        type(locator);
        tabTo("email");
        type("kai@example.org");
        tabTo("intimateImage");
        type(" ");
        tabTo("subjectOrAuthorised");
        type(" ");
        tabTo("goodFaithAndTrue");
        type(" ");
        tabTo("signature");
        type("Kai Keyboard");
        tabTo("send-report");
        type(Keys.ENTER.toString());

        assertThat(byId("received").getText()).contains("received your report");
        String caseRef = byId("case-ref").getText();
        assertThat(jdbc.sql("SELECT t.case_ref FROM intake_content t WHERE t.locator = :l")
                        .param("l", locator)
                        .query(String.class)
                        .single())
                .isEqualTo(caseRef);
        assertThat(jdbc.sql("SELECT route FROM intake_case WHERE case_ref = :c")
                        .param("c", caseRef)
                        .query(String.class)
                        .single())
                .isEqualTo("INTIMATE_IMAGE");

        byId("status-link").sendKeys(Keys.ENTER);
        assertThat(byId("case-ref").getText()).isEqualTo(caseRef);
        assertThat(byId("history").getText()).contains("We received your report.");
        tabTo("withdraw");
        type(Keys.ENTER.toString());
        tabTo("confirm-withdraw");
        type(Keys.ENTER.toString());
        assertThat(byId("state").getText()).isEqualTo("Withdrawn");
    }

    @Test
    void pointsAtEachMissingFieldWhenAnEmptyReportIsSent() {
        open("/report");
        byId("send-report").click();
        var summary = byId("error-summary");
        assertThat(summary.getText())
                .contains("Choose who you are reporting as")
                .contains("Type your full name");
        assertThat(byId("signature").getDomAttribute("aria-describedby")).isEqualTo("signature-error");
        assertThat(byId("quick-exit").isDisplayed()).isTrue();
    }

    @Test
    void hashesTheBridgeImagesOnTheDeviceAndSendsOnlyTheirHashes() throws IOException {
        browser.manage().logs().get(LogType.PERFORMANCE);
        Map<String, String> reference = referenceHashes();
        // The bridge, its modifications, a turned and a mirrored copy, and a phone photo stored
        // sideways with an EXIF orientation (which the page must undo before hashing).
        List<Path> images = new java.util.ArrayList<>();
        for (String folder : List.of("bridge-mods", "reg-test-input/dih", "reg-test-input/exif-rotn")) {
            try (Stream<Path> files = Files.list(TESTDATA.resolve("images/" + folder))) {
                files.filter(p -> p.toString().endsWith(".jpg")).sorted().forEach(images::add);
            }
        }
        assertThat(images).hasSizeGreaterThanOrEqualTo(9);
        open("/protect");
        byId("images")
                .sendKeys(
                        images.stream().map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining("\n")));
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(d -> "true".equals(byId("hash-progress").getDomAttribute("data-done")));

        var rows = browser.findElements(By.cssSelector("#hash-results tbody tr"));
        assertThat(rows).hasSize(images.size());
        int compared = 0;
        for (WebElement row : rows) {
            String name = row.getDomAttribute("data-name");
            int quality = Integer.parseInt(row.getDomAttribute("data-quality"));
            String expected = images.stream()
                    .filter(p -> p.getFileName().toString().equals(name))
                    .map(p -> reference.get(
                            TESTDATA.resolve("images").relativize(p).toString()))
                    .findFirst()
                    .orElse(null);
            assertThat(expected).as(name).isNotNull();
            if (quality >= 80) {
                int distance = PdqHash.fromHex(row.getDomAttribute("data-pdq")).distanceTo(PdqHash.fromHex(expected));
                assertThat(distance).as("distance of %s", name).isLessThanOrEqualTo(10);
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(images.size() - 1);

        byId("subjectOrAuthorised").click();
        byId("goodFaithAndTrue").click();
        byId("under18-no").click();
        byId("send-hashes").click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> byId("protect-receipt").isDisplayed());
        String caseRef = byId("case-ref").getText();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_hash h JOIN intake_report r ON r.id = "
                                + "h.report_id WHERE r.case_ref = :c")
                        .param("c", caseRef)
                        .query(Integer.class)
                        .single())
                .isEqualTo(images.size());
        // Each clear image's entry keeps its 7 turns and 22 framings, so its cropped copies match.
        List<Integer> variantsPerEntry = jdbc.sql("SELECT LENGTH(variants) / 64 FROM matching_entry"
                        + " WHERE source_ref = :c AND variants IS NOT NULL")
                .param("c", caseRef)
                .query(Integer.class)
                .list();
        assertThat(variantsPerEntry.stream().filter(n -> n == 7 + 22).count())
                .isGreaterThanOrEqualTo(images.size() - 1L);

        long smallestImage =
                images.stream().mapToLong(p -> p.toFile().length()).min().orElseThrow();
        assertThat(smallestImage).isGreaterThan(4096);
        int bodies = 0;
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            String message = entry.getMessage();
            if (!message.contains("\"Network.requestWillBeSent\"") || !message.contains("\"hasPostData\":true")) {
                continue;
            }
            bodies++;
            assertThat(message)
                    .contains("/api/v1/hash-submissions")
                    .doesNotContain("multipart")
                    .doesNotContain("JFIF")
                    .doesNotContain("/9j/");
            // Chrome logs the body twice (as text and in base64): a PDQ hash, its 8 dihedral variants,
            // its 22 framings and two digests come to under 6 KB an image logged twice, under 3 KB
            // sent: less than half the smallest image.
            assertThat((long) message.length()).isLessThan(6144L * images.size());
        }
        assertThat(bodies).isEqualTo(1);
    }

    /** Parses a binary PPM (P6) or PGM (P5) in the page and hashes its pixels without any pre-step. */
    private static final String HASH_PNM = """
            var text = atob(arguments[0]);
            var bytes = new Uint8Array(text.length);
            for (var i = 0; i < text.length; i++) { bytes[i] = text.charCodeAt(i); }
            var pos = 0;
            function token() {
              for (;;) {
                while (bytes[pos] === 32 || bytes[pos] === 9 || bytes[pos] === 10 || bytes[pos] === 13) { pos++; }
                if (bytes[pos] !== 35) { break; }
                while (bytes[pos] !== 10) { pos++; }
              }
              var start = pos;
              while (!(bytes[pos] === 32 || bytes[pos] === 9 || bytes[pos] === 10 || bytes[pos] === 13)) { pos++; }
              return String.fromCharCode.apply(null, bytes.subarray(start, pos));
            }
            var magic = token(), width = +token(), height = +token(), max = +token();
            pos++;
            if (max !== 255 || (magic !== 'P5' && magic !== 'P6')) { return 'unsupported ' + magic; }
            var channels = magic === 'P6' ? 3 : 1;
            var rgba = new Uint8ClampedArray(width * height * 4);
            for (var p = 0; p < width * height; p++) {
              for (var c = 0; c < 3; c++) { rgba[p * 4 + c] = bytes[pos + p * channels + (channels === 3 ? c : 0)]; }
              rgba[p * 4 + 3] = 255;
            }
            var hash = RedressPdq.hashPixels(rgba, width, height);
            return hash.pdq + '\t' + hash.quality + '\t' + hash.dihedral.join(',');
            """;

    @Test
    void hashesEveryReferencePixelFileExactlyLikeTheReference() throws IOException {
        open("/protect");
        Map<String, String> expected = new HashMap<>();
        for (String line : Files.readAllLines(TESTDATA.resolve("reference-hashes.tsv"))) {
            String[] fields = line.split("\t");
            if (fields.length >= 3 && !fields[0].equals("path")) {
                expected.put(fields[0].replace('/', '_'), fields[1] + "\t" + fields[2]);
            }
        }
        // Each pixel file's 8 dihedral hashes, derived from its one DCT, are exactly the reference's.
        for (String line : Files.readAllLines(TESTDATA.resolve("reference-dihedral.tsv"))) {
            String[] fields = line.split("\t");
            String row = fields[0].replace('/', '_');
            if (fields.length >= 9 && expected.containsKey(row)) {
                expected.put(
                        row,
                        expected.get(row) + "\t"
                                + String.join(",", List.of(fields).subList(1, 9)));
            }
        }
        List<Path> pixelFiles;
        try (Stream<Path> files = Files.list(TESTDATA.resolve("pixels"))) {
            pixelFiles =
                    files.filter(p -> p.toString().endsWith(".pnm.gz")).sorted().toList();
        }
        assertThat(pixelFiles).hasSizeGreaterThanOrEqualTo(12);
        for (Path file : pixelFiles) {
            String row = file.getFileName().toString().replaceFirst("\\.pnm\\.gz$", "");
            String encoded = java.util.Base64.getEncoder().encodeToString(gunzip(file));
            Object actual = browser.executeScript(HASH_PNM, encoded);
            assertThat(actual).as(row).isEqualTo(expected.get(row));
        }
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static Map<String, String> referenceHashes() throws IOException {
        Map<String, String> hashes = new HashMap<>();
        for (String line : Files.readAllLines(TESTDATA.resolve("reference-hashes.tsv"))) {
            String[] fields = line.split("\t");
            if (fields.length >= 2 && !fields[0].equals("path")) {
                hashes.put(fields[0], fields[1]);
            }
        }
        return hashes;
    }
}
