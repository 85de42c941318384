package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.redress.server.AxeCheck;
import org.redress.server.HeadlessChromium;
import org.redress.server.RedressApplication;
import org.redress.server.TestDatabase;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report form sent while the database cannot be reached, on each database: the service's
 * connection pool is shut after the form was filled, so no connection can be had, as when the
 * database is down. A person in Chromium on a 390 px phone gets the form back (503) with every
 * answer kept and a plain explanation, never a problem document, whatever their browser asked
 * for; an API client still gets the 503 problem document with {@code Retry-After}.
 */
class ReportFormWhileTheDatabaseIsDownBrowserIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TOKEN = Pattern.compile("name=\"_form\" value=\"([^\"]+)\"");

    private static ChromeDriver browser;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.startOrSkip(HeadlessChromium.NetworkLog.OFF);
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 800, "deviceScaleFactor", 1, "mobile", true));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static ConfigurableApplicationContext start(TestDatabase database) {
        return new SpringApplicationBuilder(RedressApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                // The outage is the point: the warnings it causes are expected.
                .properties("logging.level.root=OFF")
                .run(
                        "--server.port=0",
                        "--redress.data=" + database.dataDirectory(),
                        "--redress.db-url=" + database.jdbcUrl(),
                        "--redress.public-url=http://localhost");
    }

    private static WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private HttpResponse<String> post(String url, String contentType, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", contentType)
                        .header("Sec-Fetch-Site", "same-origin")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Fills every answer of the report form in the browser. */
    private static void fillEveryAnswer(String base, String locator) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/report");
        byId("reporterRole-on-behalf").click();
        byId("reason-threatened").click();
        byId("subjectWasUnder18-no").click();
        byId("contentLocators").sendKeys(locator);
        byId("email").sendKeys("kim@example.org");
        byId("description").sendKeys("They want money by tonight");
        byId("intimateImage").click();
        byId("subjectOrAuthorised").click();
        byId("goodFaithAndTrue").click();
        byId("signature").sendKeys("Kim Outage");
    }

    private static void assertEveryAnswerKept(String locator) {
        assertThat(browser.findElement(By.tagName("body")).getText())
                .doesNotContain("\"type\"")
                .doesNotContain("Sign in");
        assertThat(byId("reporterRole-on-behalf").isSelected()).isTrue();
        assertThat(byId("reason-threatened").isSelected()).isTrue();
        assertThat(byId("subjectWasUnder18-no").isSelected()).isTrue();
        assertThat(byId("contentLocators").getDomProperty("value")).isEqualTo(locator);
        assertThat(byId("email").getDomProperty("value")).isEqualTo("kim@example.org");
        assertThat(byId("description").getDomProperty("value")).isEqualTo("They want money by tonight");
        assertThat(byId("intimateImage").isSelected()).isTrue();
        assertThat(byId("subjectOrAuthorised").isSelected()).isTrue();
        assertThat(byId("goodFaithAndTrue").isSelected()).isTrue();
        assertThat(byId("signature").getDomProperty("value")).isEqualTo("Kim Outage");
    }

    /** A form sent without asking for any type (as a script might) is a person's form too. */
    private void assertAFormSentByAScriptGetsThePage(String base, String token, String locator) throws Exception {
        HttpResponse<String> form = post(
                base + "/report",
                "application/x-www-form-urlencoded",
                "_form=" + token + "&submissionKey=outage-1&reporterRole=SUBJECT&reason=CYBERFLASHING"
                        + "&subjectWasUnder18=no&intimateImage=true&subjectOrAuthorised=true"
                        + "&goodFaithAndTrue=true&signature=Sam+Outage&contentLocators="
                        + URLEncoder.encode(locator, StandardCharsets.UTF_8));
        assertThat(form.statusCode()).isEqualTo(503);
        assertThat(form.headers().firstValue("Retry-After")).isPresent();
        assertThat(form.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(form.body())
                .contains("could not take your report just now")
                .contains(locator)
                .containsPattern("value=\"CYBERFLASHING\"[^>]*checked");
    }

    private void assertAnApiClientGetsTheProblem(String base, String locator) throws Exception {
        HttpResponse<String> api = post(base + "/api/v1/reports", "application/json", """
                {"reporterRole":"SUBJECT",
                 "declarations":{"intimateImage":true,"subjectOrAuthorised":true,"goodFaithAndTrue":true},
                 "signature":"Sam Outage","contentLocators":["%s"],"subjectWasUnder18":false,
                 "reason":"THREATENED_TO_SHARE"}
                """.formatted(locator));
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Retry-After")).isPresent();
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(api.body()).get("type").asString()).endsWith("/problems/unavailable");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void givesThePersonTheirFormBackWithEveryAnswerAndApiClientsA503Problem(TestDatabase.Vendor vendor)
            throws Exception {
        try (var database = TestDatabase.create(vendor);
                var service = start(database)) {
            String base = "http://localhost:" + service.getEnvironment().getRequiredProperty("local.server.port");
            String locator = "https://platform.example/outage/" + UUID.randomUUID();
            fillEveryAnswer(base, locator);
            Matcher token = TOKEN.matcher(http.send(
                            HttpRequest.newBuilder(URI.create(base + "/report")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            assertThat(token.find()).isTrue();

            service.getBean(HikariDataSource.class).close();

            byId("send-report").click();
            await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(byId("form-problem").getText())
                            .contains("could not take your report just now")
                            .contains("your answers are below"));
            assertEveryAnswerKept(locator);
            new AxeCheck(browser, JSON).assertAccessible("/report given back during an outage, at 390 px");
            assertAFormSentByAScriptGetsThePage(base, token.group(1), locator);
            assertAnApiClientGetsTheProblem(base, locator);
        }
    }
}
