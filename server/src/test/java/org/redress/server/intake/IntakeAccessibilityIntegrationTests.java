package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.redress.server.HeadlessChromium;
import org.redress.server.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The public pages checked by axe-core (vendored under src/test/resources/axe) in headless
 * Chromium against the WCAG 2.0, 2.1 and 2.2 A and AA rules: any violation of impact serious or
 * critical fails. Each page is checked in the states a person meets: empty, with errors, the
 * receipt, the status page (also after a refused complaint) and the not-found page.
 */
@ServiceTest
class IntakeAccessibilityIntegrationTests {

    private static final String RUN_AXE = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
                                resultTypes: ['violations'] })
               .then(result => done(JSON.stringify(result.violations.map(v => ({
                   id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')) })))))
               .catch(error => done(JSON.stringify({ error: String(error) })));
            """;

    private static ChromeDriver browser;
    private static String axe;

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @BeforeAll
    static void startBrowser() throws IOException {
        try (InputStream in = Objects.requireNonNull(IntakeAccessibilityIntegrationTests.class.getResourceAsStream("/axe/axe.min.js"),
                "axe/axe.min.js on the test classpath")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        browser = HeadlessChromium.startOrSkip(HeadlessChromium.NetworkLog.OFF);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
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

    /** The serious and critical violations on the page now shown, one line each: rule, impact, elements. */
    private List<String> seriousViolations() {
        browser.executeScript(axe);
        JsonNode answer = json.readTree((String) browser.executeAsyncScript(RUN_AXE));
        assertThat(answer.has("error")).as("axe failed: %s", answer).isFalse();
        List<String> found = new ArrayList<>();
        for (JsonNode violation : answer) {
            String impact = violation.get("impact").asString();
            String line = violation.get("id").asString() + " (" + impact + ") at " + violation.get("nodes");
            if ("serious".equals(impact) || "critical".equals(impact)) {
                found.add(line);
            } else {
                // Moderate and minor findings do not fail the build; printed so that they are seen.
                System.out.println("axe on " + browser.getCurrentUrl().replaceAll("t=[^&]+", "t=…") + ": " + line);
            }
        }
        return found;
    }

    private void assertAccessible(String page) {
        assertThat(seriousViolations()).as("serious or critical WCAG 2.2 AA violations on %s", page).isEmpty();
    }

    /** Fills the report form (by element, not by keyboard: the keyboard path has its own test). */
    private void fileReport() {
        open("/report");
        byId("reporterRole").click();
        byId("subjectWasUnder18-no").click();
        byId("contentLocators").sendKeys("https://platform.example/axe/" + UUID.randomUUID());
        byId("email").sendKeys("ari@example.org");
        byId("intimateImage").click();
        byId("subjectOrAuthorised").click();
        byId("goodFaithAndTrue").click();
        byId("signature").sendKeys("Ari Axe");
        byId("send-report").click();
        assertThat(byId("received").getText()).contains("received your report");
    }

    @Test
    void findsNoSeriousViolationsOnTheReportPageEmptyAndWithErrors() {
        open("/report");
        assertAccessible("/report");
        byId("send-report").click();
        assertThat(byId("error-summary").isDisplayed()).isTrue();
        assertAccessible("/report with errors");
    }

    @Test
    void findsNoSeriousViolationsOnTheProtectPage() {
        open("/protect");
        assertAccessible("/protect");
    }

    @Test
    void findsNoSeriousViolationsOnTheReceiptAndStatusPages() {
        fileReport();
        assertAccessible("the receipt");
        byId("status-link").click();
        assertThat(byId("case-ref").isDisplayed()).isTrue();
        assertAccessible("/status");
        byId("complain").click();
        assertThat(byId("complaint-error").getText()).contains("Write what you want to complain about");
        assertAccessible("/status with a refused complaint");
        byId("complaint-text").sendKeys("Nothing has happened yet");
        byId("complain").click();
        assertThat(byId("notice").getText()).contains("complaint is recorded");
        assertThat(byId("history").getText()).contains("We received your complaint.");
        assertAccessible("/status after a complaint");
        open("/status/RD-2222-3333-4444?t=wrong");
        assertAccessible("/status not found");
    }

    @Test
    void reportsAFormFieldWithoutALabel() {
        open("/report");
        browser.executeScript("document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=\"text\">')");
        assertThat(seriousViolations()).anySatisfy(line -> assertThat(line).startsWith("label (critical)"));
    }
}
