package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redress.server.HeadlessChromium;
import org.redress.server.ServiceTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The receipts give the whole private status link, on the address the public reaches Redress at
 * ({@code REDRESS_PUBLIC_URL}) rather than the one the request came in on, with a copy button.
 */
@ServiceTest
@TestPropertySource(properties = "redress.public-url=https://help.example.org/")
class StatusLinkBrowserIntegrationTests {

    private static final Path TESTDATA = Path.of(
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

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    @Test
    void givesTheWholeStatusLinkOnThePublicAddressWithACopyButton() {
        browser.get("http://localhost:" + port + "/report");
        byId("reporterRole").click();
        byId("subjectWasUnder18-no").click();
        byId("contentLocators").sendKeys("https://platform.example/link/" + UUID.randomUUID());
        byId("intimateImage").click();
        byId("subjectOrAuthorised").click();
        byId("goodFaithAndTrue").click();
        byId("signature").sendKeys("Lee Link");
        byId("send-report").click();

        String caseRef = byId("case-ref").getText();
        WebElement link = byId("status-link");
        assertThat(link.getDomAttribute("href"))
                .startsWith("https://help.example.org/status/" + caseRef + "?t=")
                .isEqualTo(link.getText());
        assertThat(byId("copy-link").isDisplayed()).isTrue();
        assertThat(byId("copy-link").getDomAttribute("data-link")).isEqualTo(link.getText());
        byId("copy-link").click();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> !byId("copy-status").getText().isEmpty());

        byId("link-email").sendKeys("not-an-address");
        byId("email-link").click();
        assertThat(byId("link-email-error").getText()).contains("name@example.com");
        assertThat(byId("link-email").getDomAttribute("aria-invalid")).isEqualTo("true");
        byId("link-email").clear();
        byId("link-email").sendKeys("lee@example.net");
        byId("email-link").click();
        assertThat(byId("notice").getText()).contains("sending your private link");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_outbox o JOIN intake_report r ON r.id = o.report_id "
                                + "WHERE r.public_ref = :c AND o.kind = 'STATUS_LINK'")
                        .param("c", caseRef)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        browser.get("http://localhost:" + port + "/protect");
        byId("images")
                .sendKeys(TESTDATA.resolve("images/bridge-mods/aaa-orig.jpg").toString());
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(d -> "true".equals(byId("hash-progress").getDomAttribute("data-done")));
        byId("subjectOrAuthorised").click();
        byId("goodFaithAndTrue").click();
        byId("under18-no").click();
        byId("send-hashes").click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> byId("protect-receipt").isDisplayed());
        assertThat(byId("status-link").getText())
                .startsWith(
                        "https://help.example.org/status/" + byId("case-ref").getText() + "?t=");
        assertThat(byId("copy-link").isDisplayed()).isTrue();
    }
}
