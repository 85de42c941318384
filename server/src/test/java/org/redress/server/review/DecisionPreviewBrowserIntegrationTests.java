package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redress.pdq.PdqHash;
import org.redress.server.AxeCheck;
import org.redress.server.HeadlessChromium;
import org.redress.server.ServiceTest;
import org.redress.server.enforcement.Enforcement;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.intake.Channel;
import org.redress.server.intake.Intake;
import org.redress.server.intake.ReporterRole;
import org.redress.server.matching.EntryHashes;
import org.redress.server.matching.Matching;
import org.redress.server.matching.MatchingUnavailableException;
import org.redress.server.matching.Upload;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * A moderator's free text reaches the uploader only after they have read it as the uploader will:
 * a removal with a statement first shows the whole statement of reasons, sends nothing, lets the
 * moderator change the text (kept in the form), and goes out only on "Send this decision".
 */
@ServiceTest
class DecisionPreviewBrowserIntegrationTests {

    private static final String PASSWORD = "moderator password 2";
    private static final PdqHash IMAGE =
            PdqHash.fromHex("e0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22f0f8f0ce");
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

    @Autowired
    Matching matching;

    @Autowired
    Enforcement enforcement;

    @Test
    void showsTheStatementAsTheUploaderWillReadItBeforeAnythingIsSent() {
        String moderator = "mod-" + UUID.randomUUID().toString().substring(0, 8);
        Actor tester = new Actor.Operator("test");
        identity.createUser(tester, Username.of(moderator), Role.MODERATOR, false);
        identity.changePassword(tester, Username.of(moderator), PASSWORD);
        String contentId = "post-" + UUID.randomUUID();
        var upload = new Upload(contentId, "uploader-p", EntryHashes.ofPdq(IMAGE), List.of());
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .ignoreException(MatchingUnavailableException.class)
                .until(() -> matching.check(new Actor.ApiKey("platform"), upload), result -> true);
        CaseRef ref = intake.report(
                        new Actor.Public(),
                        Channel.PUBLIC,
                        ReviewIntegrationTests.report(ReporterRole.SUBJECT, false, contentId),
                        Optional.empty())
                .caseRef();
        review.claim(new Moderator(moderator, false), ref);

        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, url(""), moderator, PASSWORD);
        browser.get(url("/review/cases/" + ref.value()));
        browser.findElement(By.id("outcome-remove")).click();
        browser.findElement(By.id("statement")).sendKeys("The photo shows a person who did not agree to it.");
        browser.findElement(By.id("decide")).click();
        await(page -> !page.findElements(By.id("statement-preview")).isEmpty());

        String preview = browser.findElement(By.id("statement-preview")).getText();
        assertThat(preview)
                .contains("The photo shows a person who did not agree to it.")
                .contains(contentId)
                .doesNotContain("Alex Example");
        assertThat(review.find(ref).state()).as("nothing was sent").isEqualTo(ReviewState.OPEN);
        assertThat(enforcement.deliveriesForCase(ref)).isEmpty();
        new AxeCheck(browser, JsonMapper.builder().build()).assertAccessible("the statement preview");

        browser.findElement(By.id("change-decision")).click();
        await(page -> !page.findElements(By.id("statement")).isEmpty());
        assertThat(browser.findElement(By.id("statement")).getAttribute("value"))
                .isEqualTo("The photo shows a person who did not agree to it.");
        assertThat(browser.findElement(By.id("outcome-remove")).isSelected()).isTrue();
        browser.findElement(By.id("statement")).sendKeys(" It was posted without consent.");
        browser.findElement(By.id("decide")).click();
        await(page -> !page.findElements(By.id("send-decision")).isEmpty());
        assertThat(browser.findElement(By.id("statement-preview")).getText())
                .contains("did not agree to it. It was posted without consent.");
        assertThat(review.find(ref).state()).isEqualTo(ReviewState.OPEN);

        browser.findElement(By.id("send-decision")).click();
        await(page -> !page.findElements(By.id("notice")).isEmpty());
        assertThat(review.find(ref).state()).isEqualTo(ReviewState.AWAITING_REMOVAL);
        assertThat(review.caseFile(ref)
                        .decisions()
                        .getFirst()
                        .statementOfReasons()
                        .orElseThrow())
                .contains("It was posted without consent.");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void await(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }
}
