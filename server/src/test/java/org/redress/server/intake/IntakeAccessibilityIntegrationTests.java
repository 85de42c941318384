package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.redress.server.AxeCheck;
import org.redress.server.HeadlessChromium;
import org.redress.server.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.ObjectMapper;

/**
 * The public pages checked by axe-core ({@link AxeCheck}) in headless
 * Chromium against the WCAG 2.0, 2.1 and 2.2 A and AA rules: any violation of impact serious or
 * critical fails. Each page is checked in the states a person meets: empty, with errors, the
 * receipt, the status page (also after a refused complaint) and the not-found page.
 */
@ServiceTest
class IntakeAccessibilityIntegrationTests {

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

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private List<String> seriousViolations() {
        return new AxeCheck(browser, json).seriousViolations();
    }

    private void assertAccessible(String page) {
        new AxeCheck(browser, json).assertAccessible(page);
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
        browser.executeScript(
                "document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=\"text\">')");
        assertThat(seriousViolations()).anySatisfy(line -> assertThat(line).startsWith("label (critical)"));
    }
}
