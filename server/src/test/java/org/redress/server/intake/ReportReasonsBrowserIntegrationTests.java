package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.redress.server.AxeCheck;
import org.redress.server.HeadlessChromium;
import org.redress.server.RedressApplication;
import org.redress.server.TestDatabase;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.shared.Actor;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What happened, chosen on {@code /report} in headless Chromium on a 390 px phone: each reason is
 * taken and stored with the report, the page stays accessible and as wide as the phone, and a
 * sextortion report shows up urgent in the moderators' queue, with its offences, OSA harm and DSA
 * category on the case page.
 */
class ReportReasonsBrowserIntegrationTests {

    private static final Actor TESTER = new Actor.Operator("test");
    private static final String PASSWORD = "a long moderator password";

    private static ChromeDriver browser;
    private static TestDatabase database;
    // A service of its own: the queue shows only this class's cases, however many other suites filed.
    private static ConfigurableApplicationContext service;
    private static int port;

    private final JdbcClient jdbc = service.getBean(JdbcClient.class);
    private final Identity identity = service.getBean(Identity.class);
    private final ObjectMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void start() throws IOException {
        browser = HeadlessChromium.startOrSkip(HeadlessChromium.NetworkLog.OFF);
        database = TestDatabase.create(TestDatabase.Vendor.SQLITE);
        service = new SpringApplicationBuilder(RedressApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .properties("logging.level.root=WARN", "logging.level.org.redress.server.storage=ERROR")
                .run(
                        "--server.port=0",
                        "--redress.data=" + database.dataDirectory(),
                        "--redress.db-url=" + database.jdbcUrl());
        port = Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void onAPhone() {
        browser.manage().deleteAllCookies();
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 800, "deviceScaleFactor", 1, "mobile", true));
    }

    @AfterEach
    void desktopAgain() {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** Fills and sends the report form as the person shown, choosing the reason by its radio's id. */
    private String sendReport(String reasonId) {
        String locator = "https://platform.example/reasons/" + UUID.randomUUID();
        browser.get(base() + "/report");
        byId("reporterRole").click();
        byId(reasonId).click();
        byId("subjectWasUnder18-no").click();
        byId("contentLocators").sendKeys(locator);
        byId("intimateImage").click();
        byId("subjectOrAuthorised").click();
        byId("goodFaithAndTrue").click();
        byId("signature").sendKeys("Robin Reason");
        byId("send-report").click();
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(byId("received").getText()).contains("received your report"));
        return locator;
    }

    private String reasonOf(String locator) {
        return jdbc.sql("SELECT r.reason FROM intake_report r JOIN intake_content t ON t.case_ref = r.case_ref"
                        + " WHERE t.locator = :l")
                .param("l", locator)
                .query(String.class)
                .single();
    }

    private String caseOf(String locator) {
        return jdbc.sql("SELECT case_ref FROM intake_content WHERE locator = :l")
                .param("l", locator)
                .query(String.class)
                .single();
    }

    private long pageWidth() {
        return (Long) browser.executeScript("return document.documentElement.scrollWidth");
    }

    @Test
    void takesEachReasonChosenOnAPhoneAndStoresItWithTheReport() {
        browser.get(base() + "/report");
        assertThat(byId("reason-hint").getText()).contains("do not pay");
        new AxeCheck(browser, json).assertAccessible("/report at 390 px");
        assertThat(pageWidth()).isLessThanOrEqualTo(390);

        Map<String, String> reasons = Map.of(
                "reason", "SHARED_WITHOUT_CONSENT",
                "reason-threatened", "THREATENED_TO_SHARE",
                "reason-fake", "FAKE_OR_ALTERED",
                "reason-taken", "TAKEN_WITHOUT_CONSENT",
                "reason-cyberflashing", "CYBERFLASHING");
        reasons.forEach((radio, reason) ->
                assertThat(reasonOf(sendReport(radio))).as(radio).isEqualTo(reason));
    }

    @Test
    void showsASextortionReportUrgentInTheModeratorsQueueWithItsOffences() {
        String threatened = caseOf(sendReport("reason-threatened"));
        String shared = caseOf(sendReport("reason"));

        String name = "reasons-" + UUID.randomUUID().toString().substring(0, 8);
        identity.createUser(TESTER, Username.of(name), Role.MODERATOR, false);
        identity.changePassword(TESTER, Username.of(name), PASSWORD);
        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, base(), name, PASSWORD);

        browser.get(base() + "/review");
        WebElement threatRow =
                browser.findElement(By.xpath("//tr[td/a[@class='case-link' and text()='" + threatened + "']]"));
        assertThat(threatRow.getText()).contains("Urgent");
        WebElement sharedRow =
                browser.findElement(By.xpath("//tr[td/a[@class='case-link' and text()='" + shared + "']]"));
        assertThat(sharedRow.getText()).doesNotContain("Urgent");
        new AxeCheck(browser, json).assertAccessible("/review at 390 px");

        browser.get(base() + "/review/cases/" + threatened);
        assertThat(byId("case-reason").getText())
                .contains("Threatened to be shared (sextortion)")
                .contains("Urgent")
                .contains("s.66B(4)");
        assertThat(byId("case-osa-harm").getText()).isEqualTo("Intimate image abuse");
        assertThat(byId("case-dsa-category").getText())
                .isEqualTo("STATEMENT_CATEGORY_CYBER_VIOLENCE / KEYWORD_CYBER_HARASSMENT");
        new AxeCheck(browser, json).assertAccessible("the case page at 390 px");
    }
}
