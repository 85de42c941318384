package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * A person who is not signed in and opens the site's address, or a wrong one, meets public pages
 * that lead to reporting and protecting: never the staff sign-in form.
 */
@ServiceTest
class PublicEntryBrowserIntegrationTests {

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
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + path);
    }

    private void assertLeadsToReportingAndProtecting() {
        assertThat(browser.findElements(By.id("password"))).as("a sign-in form").isEmpty();
        assertThat(browser.getCurrentUrl()).doesNotContain("/signin");
        assertThat(browser.findElement(By.id("report-link")).getDomAttribute("href"))
                .isEqualTo("/report");
        assertThat(browser.findElement(By.id("protect-link")).getDomAttribute("href"))
                .isEqualTo("/protect");
    }

    @Test
    void showsVisitorsAPublicStartPage() {
        open("/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("intimate images");
        assertLeadsToReportingAndProtecting();
        assertThat(browser.findElement(By.id("quick-exit")).isDisplayed()).isTrue();
        new AxeCheck(browser, json).assertAccessible("the public start page");

        browser.findElement(By.id("report-link")).click();
        assertThat(browser.findElement(By.id("send-report")).isDisplayed()).isTrue();
    }

    @Test
    void showsVisitorsAPublicNotFoundPageForUnknownAddresses() throws Exception {
        for (String path : new String[] {"/reports", "/no-such-page", "/status"}) {
            open(path);
            assertThat(browser.findElement(By.tagName("h1")).getText()).as(path).isEqualTo("Page not found");
            assertLeadsToReportingAndProtecting();
        }
        new AxeCheck(browser, json).assertAccessible("the public not-found page");
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/reports"))
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(404);
    }
}
