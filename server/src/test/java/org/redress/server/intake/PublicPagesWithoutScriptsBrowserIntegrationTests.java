package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.redress.server.HeadlessChromium;
import org.redress.server.ServiceTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Everything but the hashing on {@code /protect} works with scripts off (some people switch them
 * off for safety): reporting, the receipt with its whole link, the status page in UK time, a
 * complaint and a confirmed withdrawal, and the quick exit (a plain link).
 */
@ServiceTest
class PublicPagesWithoutScriptsBrowserIntegrationTests {

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.startOrSkip(HeadlessChromium.NetworkLog.OFF);
        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
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

    /** Each action answers with a page carrying its notice; the previous page's notice goes stale. */
    private void assertNoticeSays(String text) {
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(byId("notice").getText()).contains(text));
    }

    @Test
    void reportsFollowsComplainsAndWithdrawsWithScriptsOff() {
        browser.get("http://localhost:" + port + "/");
        assertThat(byId("quick-exit").getDomAttribute("href")).startsWith("https://");
        byId("report-link").click();
        byId("reporterRole").click();
        byId("subjectWasUnder18-no").click();
        byId("contentLocators").sendKeys("https://platform.example/noscript/" + UUID.randomUUID());
        byId("email").sendKeys("nia@example.org");
        byId("intimateImage").click();
        byId("subjectOrAuthorised").click();
        byId("goodFaithAndTrue").click();
        byId("signature").sendKeys("Nia Noscript");
        byId("send-report").click();

        assertThat(byId("received").getText()).contains("received your report");
        assertThat(byId("status-link").getText()).startsWith("http://localhost:" + port + "/status/");
        assertThat(byId("deadline").getText()).containsPattern("(GMT|BST)$");
        byId("status-link").click();
        assertThat(browser.findElement(By.cssSelector("#history time")).getText())
                .containsPattern("(GMT|BST)$");

        byId("complaint-text").sendKeys("Nothing has happened yet");
        byId("complain").click();
        assertNoticeSays("complaint is recorded");
        byId("stop-messages").click();
        assertNoticeSays("not send you any more messages");
        byId("withdraw").click();
        byId("confirm-withdraw").click();
        assertNoticeSays("withdrawn");
        assertThat(byId("state").getText()).isEqualTo("Withdrawn");
    }
}
