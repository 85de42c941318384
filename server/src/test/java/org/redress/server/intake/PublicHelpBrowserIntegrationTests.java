package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.redress.server.HeadlessChromium;
import org.redress.server.ServiceTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a person needs beyond the form itself: helplines with numbers and hours for the UK, the US
 * and the EU, where else to go, how to cover their tracks, times in their own time zone, and a
 * plain page (not JSON) when a report is too long to take.
 */
@ServiceTest
class PublicHelpBrowserIntegrationTests {

    private static final java.nio.file.Path TESTDATA = java.nio.file.Path.of(
                    System.getProperty("redress.pdq.vectors", "../pdq/src/test/resources/pdq-vectors"))
            .toAbsolutePath()
            .normalize();

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

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
    void ownZoneAgain() {
        browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private void fileReport(String description) {
        browser.get("http://localhost:" + port + "/report");
        byId("reporterRole").click();
        byId("subjectWasUnder18-no").click();
        byId("contentLocators").sendKeys("https://platform.example/help/" + UUID.randomUUID());
        byId("intimateImage").click();
        byId("subjectOrAuthorised").click();
        byId("goodFaithAndTrue").click();
        byId("signature").sendKeys("Hal Help");
        browser.executeScript("document.getElementById('description').value = arguments[0]", description);
        byId("send-report").click();
    }

    @Test
    void listsHelplinesWithNumbersAndHoursPerCountryAndWhereElseToGo() {
        browser.get("http://localhost:" + port + "/report");
        List<WebElement> helplines = browser.findElements(By.cssSelector("#helplines li"));
        for (String country : List.of("UK", "US", "EU")) {
            assertThat(helplines).as(country).anySatisfy(line -> {
                assertThat(line.getDomAttribute("data-country")).isEqualTo(country);
                assertThat(line.findElement(By.cssSelector("a.phone")).getDomAttribute("href"))
                        .matches("tel:\\+?[0-9]{3,}");
                assertThat(line.getText()).containsPattern("hours|[0-9]{2}:[0-9]{2}");
            });
        }
        assertThat(byId("elsewhere").getText())
                .contains("StopNCII.org")
                .contains("Take It Down")
                .contains("police");
        assertThat(byId("cover-tracks").getText()).contains("private").contains("history");
    }

    @Test
    void showsTheCaseHistoryInTheReadersOwnTimeZone() throws Exception {
        fileReport("");
        assertThat(byId("next").getText())
                .contains("moderator")
                .contains("remove")
                .contains("complain");
        String statusUrl = byId("status-link").getDomAttribute("href");
        HttpResponse<String> withoutScripts = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(statusUrl)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutScripts.body()).containsPattern("[0-9]{2}:[0-9]{2} (GMT|BST)");

        browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "America/New_York"));
        browser.get(statusUrl);
        String when = browser.findElement(By.cssSelector("#history time")).getText();
        assertThat(when).containsPattern("GMT-[45]|E[SD]T");
    }

    @Test
    void answersAReportTooLongToTakeWithAPlainPage() {
        fileReport("x".repeat(70_000));
        assertThat(byId("not-sent").getText()).isEqualTo("Not sent yet");
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("Back button")
                .doesNotContain("\"type\"");
    }

    @Test
    void asksOnProtectWhetherThePersonWasUnder18AndRoutesThoseImagesToChildProtection() {
        browser.get("http://localhost:" + port + "/protect");
        byId("images")
                .sendKeys(TESTDATA.resolve("images/bridge-mods/aaa-orig.jpg").toString());
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(60))
                .until(d -> "true".equals(byId("hash-progress").getDomAttribute("data-done")));
        byId("subjectOrAuthorised").click();
        byId("goodFaithAndTrue").click();
        byId("send-hashes").click();
        assertThat(byId("under18-error").getText()).contains("under 18");
        assertThat(byId("protect-receipt").isDisplayed()).isFalse();

        byId("under18-yes").click();
        assertThat(byId("under18-notice").getText()).contains("Take It Down");
        byId("send-hashes").click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> byId("protect-receipt").isDisplayed());
        String caseRef = byId("case-ref").getText();
        assertThat(jdbc.sql("SELECT route FROM intake_case WHERE case_ref = :c")
                        .param("c", caseRef)
                        .query(String.class)
                        .single())
                .isEqualTo("CHILD_PROTECTION");
        byId("status-link").click();
        assertThat(byId("state").getText()).isEqualTo("Protected");
        assertThat(byId("history").getText()).contains("child-protection team");
    }
}
