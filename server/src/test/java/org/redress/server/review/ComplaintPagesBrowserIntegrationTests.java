package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redress.server.AxeCheck;
import org.redress.server.HeadlessChromium;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.intake.Channel;
import org.redress.server.intake.ComplaintType;
import org.redress.server.intake.Intake;
import org.redress.server.intake.ReporterRole;
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The complaints queue and a complaint's page in a real browser, checked by axe-core: the case's
 * decider sees the complaint with its clock but cannot take it; another moderator takes and
 * answers it; the reporter reads the answer on their status page.
 */
@ServiceTest
class ComplaintPagesBrowserIntegrationTests {

    private static final String PASSWORD = "moderator password 1";
    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = HeadlessChromium.startOrSkip(HeadlessChromium.NetworkLog.OFF);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Identity identity;

    @Autowired
    Review review;

    @Autowired
    Intake intake;

    private String moderator(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Actor tester = new Actor.Operator("test");
        identity.createUser(tester, Username.of(name), Role.MODERATOR, false);
        identity.changePassword(tester, Username.of(name), PASSWORD);
        return name;
    }

    @Test
    void showsTheQueueWithItsClockAndTakesTheAnswerOfAModeratorOtherThanTheDecider() {
        String decider = moderator("decider");
        String handler = moderator("handler");
        var receipt = intake.report(
                new Actor.Public(),
                Channel.PUBLIC,
                ReviewIntegrationTests.report(ReporterRole.SUBJECT, false, "post-" + UUID.randomUUID()),
                Optional.empty());
        var closing = new Moderator(decider, false);
        review.claim(closing, receipt.caseRef());
        review.decide(
                closing,
                receipt.caseRef(),
                DecisionRequest.of(
                        new Decision.NoViolation(NoViolationReason.NOT_INTIMATE_IMAGE_CONTENT, Optional.empty())));
        String complaintId = intake.complain(
                        new Actor.Public(),
                        receipt.caseRef().value(),
                        receipt.statusToken(),
                        Optional.of(ComplaintType.DECISION),
                        "The image is of me and it is intimate.")
                .complaintId();
        var axe = new AxeCheck(browser, JsonMapper.builder().build());

        signIn(decider);
        browser.get(url("/review/complaints"));
        var link = browser.findElement(By.cssSelector("a[href$='/review/complaints/" + complaintId + "']"));
        var row = link.findElement(By.xpath("./ancestor::tr"));
        assertThat(row.findElement(By.className("countdown")).getText()).endsWith("left");
        assertThat(row.getText()).contains("Decision", receipt.caseRef().value());
        axe.assertAccessible("the complaints queue");
        link.click();
        await(page -> !page.findElements(By.id("complaint-text")).isEmpty());
        assertThat(browser.findElement(By.id("decider-note")).getText()).contains("You decided this case");
        assertThat(browser.findElements(By.id("claim-complaint"))).isEmpty();
        assertThat(browser.findElement(By.id("route")).getText()).isEqualTo("Expedited");

        signIn(handler);
        browser.get(url("/review/complaints/" + complaintId));
        assertThat(browser.findElement(By.id("complaint-text")).getText()).contains("it is intimate");
        browser.findElement(By.id("claim-complaint")).click();
        await(page -> !page.findElements(By.id("answer-form")).isEmpty());
        axe.assertAccessible("a complaint with its answer form");
        browser.findElement(By.id("outcome-UPHELD_ACTION_TAKEN")).click();
        browser.findElement(By.id("reply")).sendKeys("A senior moderator is reviewing the decision again.");
        browser.findElement(By.id("send-answer")).click();
        await(page -> !page.findElements(By.id("reply-text")).isEmpty());
        assertThat(browser.findElement(By.id("owner")).getText()).isEqualTo(handler);
        axe.assertAccessible("an answered complaint");

        browser.manage().deleteAllCookies();
        browser.get(url("/status/" + receipt.caseRef().value() + "?t=" + receipt.statusToken()));
        var answered = browser.findElement(By.id("complaint-" + complaintId));
        assertThat(answered.findElement(By.className("complaint-outcome")).getText())
                .contains("We agreed with your complaint");
        assertThat(answered.findElement(By.className("complaint-reply")).getText())
                .isEqualTo("A senior moderator is reviewing the decision again.");
        axe.assertAccessible("the status page with an answered complaint");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(String username) {
        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, url(""), username, PASSWORD);
    }

    private void await(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }
}
