package org.redress.server.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.redress.server.AxeCheck;
import org.redress.server.HeadlessChromium;
import org.redress.server.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.ObjectMapper;

/**
 * The public policy pages checked by axe-core ({@link AxeCheck}) in headless Chromium, as the
 * intake pages are: the TAKE IT DOWN notice, the intimate image section of the terms, and the page
 * for a version that does not exist. Any violation of impact serious or critical fails.
 */
@ServiceTest
class PolicyAccessibilityIntegrationTests {

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

    private void assertAccessible(String path) {
        browser.get("http://localhost:" + port + path);
        assertThat(browser.findElement(By.id("policy-title")).isDisplayed()).isTrue();
        new AxeCheck(browser, json).assertAccessible(path);
    }

    @Test
    void findsNoSeriousViolationsOnThePolicyPages() {
        assertAccessible("/take-it-down");
        assertThat(browser.findElement(By.id("policy-report-link")).getText()).isNotBlank();
        assertAccessible("/policies/intimate-images");
        assertAccessible("/policies/take-it-down/versions/99");
    }

    @Test
    void linksTheNoticeFromThePublicStartPage() {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.findElement(By.id("take-it-down-link")).getDomAttribute("href"))
                .isEqualTo("/take-it-down");
        browser.findElement(By.id("take-it-down-link")).click();
        assertThat(browser.findElement(By.id("policy-title")).getText()).isNotBlank();
    }
}
