package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public forms in headless Chromium and over plain HTTP: they need no server session (a lost
 * cookie costs nothing), a stale form comes back with every answer kept and a plain explanation,
 * a form sent from another site is refused without a staff page, the receipt can be reloaded
 * without filing again, and withdrawal asks before it acts.
 */
@ServiceTest
class PublicFormsBrowserIntegrationTests {

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

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

    private void fillReport(String locator) {
        browser.get("http://localhost:" + port + "/report");
        byId("reporterRole-on-behalf").click();
        byId("subjectWasUnder18-no").click();
        byId("contentLocators").sendKeys(locator);
        byId("email").sendKeys("sol@example.org");
        byId("description").sendKeys("Posted by my ex last night");
        byId("intimateImage").click();
        byId("subjectOrAuthorised").click();
        byId("goodFaithAndTrue").click();
        byId("signature").sendKeys("Sol Session");
    }

    private int reportsOf(String locator) {
        return jdbc.sql("SELECT COUNT(*) FROM intake_content t JOIN intake_report r ON r.case_ref = t.case_ref "
                        + "WHERE t.locator = :l")
                .param("l", locator)
                .query(Integer.class)
                .single();
    }

    /** Read once the page the click led to has loaded: the old page's body goes stale as it does. */
    private void assertNoStaffPage() {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            String page = browser.findElement(By.tagName("body")).getText();
            assertThat(page)
                    .doesNotContain("Sign in")
                    .doesNotContain("Not allowed")
                    .doesNotContain("role");
        });
    }

    @Test
    void takesAReportWhoseSessionCookieWasDeletedBeforeSend() {
        String locator = "https://platform.example/session/" + UUID.randomUUID();
        fillReport(locator);
        browser.manage().deleteAllCookies();

        byId("send-report").click();

        assertNoStaffPage();
        assertThat(byId("received").getText()).contains("received your report");
        assertThat(reportsOf(locator)).isEqualTo(1);
    }

    @Test
    void givesAStaleFormBackWithEveryAnswerKeptAndTakesItWhenSentAgain() {
        String locator = "https://platform.example/stale/" + UUID.randomUUID();
        fillReport(locator);
        browser.executeScript("document.querySelector('input[name=_form]').value = 'from-yesterday'");

        byId("send-report").click();

        assertNoStaffPage();
        assertThat(byId("form-problem").getText()).contains("not sent yet").contains("Check your answers");
        assertThat(byId("reporterRole-on-behalf").isSelected()).isTrue();
        assertThat(byId("subjectWasUnder18-no").isSelected()).isTrue();
        assertThat(byId("contentLocators").getDomProperty("value")).isEqualTo(locator);
        assertThat(byId("email").getDomProperty("value")).isEqualTo("sol@example.org");
        assertThat(byId("description").getDomProperty("value")).isEqualTo("Posted by my ex last night");
        assertThat(byId("intimateImage").isSelected()).isTrue();
        assertThat(byId("subjectOrAuthorised").isSelected()).isTrue();
        assertThat(byId("goodFaithAndTrue").isSelected()).isTrue();
        assertThat(byId("signature").getDomProperty("value")).isEqualTo("Sol Session");
        assertThat(reportsOf(locator)).isZero();

        byId("send-report").click();
        assertThat(byId("received").getText()).contains("received your report");
        assertThat(reportsOf(locator)).isEqualTo(1);
    }

    @Test
    void refusesAReportFormSentFromAnotherSiteWithAPublicPage() throws Exception {
        String locator = "https://platform.example/forged/" + UUID.randomUUID();
        Form form = Form.read(get("/report"));
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/report"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", "https://attacker.example")
                        .header("Sec-Fetch-Site", "cross-site")
                        .POST(HttpRequest.BodyPublishers.ofString(form.report(locator)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("was not sent").doesNotContain("Sign in");
        assertThat(reportsOf(locator)).isZero();
    }

    @Test
    void filesOneReportWhenTheSameFormIsSentTwiceAndTheReceiptIsReloaded() throws Exception {
        String locator = "https://platform.example/twice/" + UUID.randomUUID();
        Form form = Form.read(get("/report"));
        String first =
                postForm(form.report(locator)).headers().firstValue("Location").orElseThrow();
        String second =
                postForm(form.report(locator)).headers().firstValue("Location").orElseThrow();
        assertThat(first).contains("/report/received/").isEqualTo(second);
        assertThat(reportsOf(locator)).isEqualTo(1);

        String other = "https://platform.example/reload/" + UUID.randomUUID();
        fillReport(other);
        byId("send-report").click();
        assertThat(byId("received").getText()).contains("received your report");
        assertThat(browser.getCurrentUrl()).contains("/report/received/");
        String caseRef = byId("case-ref").getText();
        browser.navigate().refresh();
        assertThat(byId("case-ref").getText()).isEqualTo(caseRef);
        assertThat(reportsOf(other)).isEqualTo(1);
    }

    @Test
    void asksBeforeWithdrawingAndOffersOnlyTheActionsThatApply() {
        String locator = "https://platform.example/withdraw/" + UUID.randomUUID();
        fillReport(locator);
        byId("send-report").click();
        byId("status-link").click();
        assertThat(byId("stop-messages").isDisplayed())
                .as("an e-mail address was given")
                .isTrue();

        byId("withdraw").click();
        assertThat(byId("confirm-withdrawal").getText()).contains("Are you sure");
        assertThat(byId("state").getText()).isEqualTo("Open");
        byId("keep-report").click();
        assertThat(byId("withdraw").isDisplayed()).isTrue();
        assertThat(browser.findElements(By.id("confirm-withdrawal"))).isEmpty();
        assertThat(byId("state").getText()).isEqualTo("Open");

        byId("withdraw").click();
        byId("confirm-withdraw").click();
        assertThat(byId("notice").getText()).contains("withdrawn");
        assertThat(byId("state").getText()).isEqualTo("Withdrawn");
        assertThat(browser.findElements(By.id("withdraw"))).isEmpty();
        browser.navigate().refresh();
        assertThat(byId("state").getText()).isEqualTo("Withdrawn");
    }

    private String get(String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private HttpResponse<String> postForm(String body) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/report"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Sec-Fetch-Site", "same-origin")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isBetween(301, 303);
        return answer;
    }

    /** The hidden fields of a served report form. */
    private record Form(String token, String key) {

        private static final Pattern HIDDEN = Pattern.compile("name=\"(_form|submissionKey)\" value=\"([^\"]+)\"");

        static Form read(String page) {
            String token = null;
            String key = null;
            Matcher hidden = HIDDEN.matcher(page);
            while (hidden.find()) {
                if (hidden.group(1).equals("_form")) {
                    token = hidden.group(2);
                } else {
                    key = hidden.group(2);
                }
            }
            assertThat(token).as("the form token").isNotNull();
            assertThat(key).as("the form's idempotency key").isNotNull();
            return new Form(token, key);
        }

        String report(String locator) {
            return "_form=" + token + "&submissionKey=" + key
                    + "&reporterRole=SUBJECT&subjectWasUnder18=no&intimateImage=true&subjectOrAuthorised=true"
                    + "&goodFaithAndTrue=true&signature=Sam+Twice&contentLocators="
                    + URLEncoder.encode(locator, StandardCharsets.UTF_8);
        }
    }
}
