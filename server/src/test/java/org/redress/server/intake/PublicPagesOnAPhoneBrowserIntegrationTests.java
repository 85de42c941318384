package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redress.server.AxeCheck;
import org.redress.server.HeadlessChromium;
import org.redress.server.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.ObjectMapper;

/**
 * Every public page on a 320 CSS pixel wide screen (WCAG 2.2 SC 1.4.10, reflow) and at 1280: nothing
 * scrolls sideways, axe-core finds no serious violation, and an error on {@code /protect} is shown
 * beside the field it is about.
 */
@ServiceTest
class PublicPagesOnAPhoneBrowserIntegrationTests {

    private static final Path TESTDATA = Path.of(
                    System.getProperty("redress.pdq.vectors", "../pdq/src/test/resources/pdq-vectors"))
            .toAbsolutePath()
            .normalize();

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.startOrSkip(HeadlessChromium.NetworkLog.OFF);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void desktopAgain() {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private static void screenWidth(int width) {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    /** Nothing wider than the screen, and no serious axe-core violation, at this width. */
    private void assertFits(String page, int width) {
        long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth;");
        assertThat(scrollWidth).as("width of %s at %d px", page, width).isLessThanOrEqualTo(width);
        new AxeCheck(browser, json).assertAccessible(page + " at " + width + " px");
    }

    private List<Path> bridgeImages() throws IOException {
        try (Stream<Path> files = Files.list(TESTDATA.resolve("images/bridge-mods"))) {
            return files.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
    }

    @Test
    void everyPublicPageReflowsAt320PixelsAndPassesAxeAt320And1280() throws IOException {
        for (int width : new int[] {320, 1280}) {
            screenWidth(width);
            open("/");
            assertFits("the start page", width);
            open("/no-such-page");
            assertFits("the not-found page", width);
            open("/report");
            assertFits("/report", width);
            byId("send-report").click();
            assertThat(byId("error-summary").isDisplayed()).isTrue();
            assertFits("/report with errors", width);
            byId("reporterRole").click();
            byId("subjectWasUnder18-no").click();
            byId("contentLocators")
                    .sendKeys("https://platform.example/a/very/long/address/without/any/break/" + UUID.randomUUID()
                            + UUID.randomUUID());
            byId("intimateImage").click();
            byId("subjectOrAuthorised").click();
            byId("goodFaithAndTrue").click();
            byId("signature").sendKeys("Ren Reflow");
            byId("send-report").click();
            assertThat(byId("received").isDisplayed()).isTrue();
            assertFits("the receipt", width);
            byId("status-link").click();
            assertThat(byId("case-ref").isDisplayed()).isTrue();
            assertFits("the status page", width);
            open("/status/RD-2222-3333-4444?t=wrong");
            assertFits("the status page of an unknown case", width);

            open("/protect");
            assertFits("/protect", width);
            List<Path> images = bridgeImages();
            byId("images")
                    .sendKeys(images.stream()
                            .map(p -> p.toAbsolutePath().toString())
                            .collect(Collectors.joining("\n")));
            new WebDriverWait(browser, Duration.ofSeconds(60))
                    .until(d -> "true".equals(byId("hash-progress").getDomAttribute("data-done")));
            assertFits("/protect with fingerprints", width);
            byId("subjectOrAuthorised").click();
            byId("goodFaithAndTrue").click();
            byId("under18-no").click();
            byId("send-hashes").click();
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(d -> byId("protect-receipt").isDisplayed());
            assertFits("the protect receipt", width);
        }
    }

    @Test
    void showsABadEmailAddressBesideTheFieldOnProtect() throws IOException {
        screenWidth(320);
        open("/protect");
        byId("images").sendKeys(bridgeImages().getFirst().toAbsolutePath().toString());
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(d -> "true".equals(byId("hash-progress").getDomAttribute("data-done")));
        byId("subjectOrAuthorised").click();
        byId("goodFaithAndTrue").click();
        byId("email").sendKeys("kai@@example");
        byId("under18-no").click();
        byId("send-hashes").click();

        assertThat(byId("email-error").getText()).contains("e-mail address like name@example.com");
        assertThat(byId("email").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(byId("email").getDomAttribute("aria-describedby")).contains("email-error");
        assertThat(byId("protect-error").isDisplayed()).isFalse();

        // An address only the server refuses (longer than 254 characters) is put beside the field too.
        byId("email").clear();
        byId("email").sendKeys("kai@" + "x".repeat(260) + ".org");
        byId("under18-no").click();
        byId("send-hashes").click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> byId("email-error").isDisplayed()
                        || byId("protect-receipt").isDisplayed());
        assertThat(byId("email-error").getText()).contains("e-mail address like name@example.com");
        assertThat(byId("protect-receipt").isDisplayed()).isFalse();
        assertThat(byId("protect-error").isDisplayed()).isFalse();
    }
}
