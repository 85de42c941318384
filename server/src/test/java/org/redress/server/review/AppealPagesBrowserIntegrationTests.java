package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
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
import org.redress.server.enforcement.Delivery;
import org.redress.server.enforcement.DeliveryType;
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
 * The appeal pages in a real browser, checked by axe-core: the uploader follows the link of their
 * statement of reasons (absolute, to this service on its local port: no public URL is configured
 * on the embedded database) and appeals; the appeal waits in the seniors' appeal queue; a senior
 * moderator other than the decider upholds it on the case page.
 */
@ServiceTest
class AppealPagesBrowserIntegrationTests {

    private static final String PASSWORD = "moderator password 1";
    private static final PdqHash IMAGE =
            PdqHash.fromHex("0f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22f");
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

    private String senior(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Actor tester = new Actor.Operator("test");
        identity.createUser(tester, Username.of(name), Role.SENIOR_MODERATOR, false);
        identity.changePassword(tester, Username.of(name), PASSWORD);
        return name;
    }

    /** A removal decided by {@code decider}; returns the appeal link of its statement of reasons. */
    private String removalLink(String decider, String contentId) {
        var upload = new Upload(contentId, "uploader-b", EntryHashes.ofPdq(IMAGE), List.of());
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
        var moderator = new Moderator(decider, true);
        review.claim(moderator, ref);
        String statement = review.decide(
                        moderator,
                        ref,
                        DecisionRequest.of(
                                new Decision.Remove(RemovalBasis.ILLEGAL_CONTENT, Optional.empty(), Optional.empty())))
                .statementOfReasons()
                .orElseThrow();
        return JsonMapper.builder()
                .build()
                .readTree(statement)
                .get("redress")
                .get("internalAppeal")
                .get("url")
                .asString();
    }

    @Test
    void takesTheUploadersAppealAndLetsAnotherSeniorModeratorDecideIt() {
        String decider = senior("decider");
        String other = senior("appeals");
        String contentId = "post-" + UUID.randomUUID();
        String link = removalLink(decider, contentId);
        assertThat(URI.create(link).isAbsolute()).isTrue();
        assertThat(link).startsWith("http://localhost:" + port + "/appeal?t=");

        var axe = new AxeCheck(browser, JsonMapper.builder().build());
        browser.manage().deleteAllCookies();
        browser.get(link);
        assertThat(browser.findElement(By.id("content-id")).getText()).isEqualTo(contentId);
        axe.assertAccessible("the appeal page");
        browser.findElement(By.id("text")).sendKeys("This is my own photograph, posted by me.");
        browser.findElement(By.id("send-appeal")).click();
        await(page -> !page.findElements(By.id("notice")).isEmpty());
        String appealRef = browser.findElement(By.id("appeal-ref")).getText();
        assertThat(appealRef).startsWith("RA-");
        axe.assertAccessible("the appeal page after the appeal");

        signIn(decider);
        browser.get(url("/review?appeals=true"));
        assertThat(browser.findElement(By.id("queue")).getText()).contains(appealRef);
        axe.assertAccessible("the appeal queue");

        signIn(other);
        browser.get(url("/review/cases/" + appealRef));
        assertThat(browser.findElement(By.id("appeal-text")).getText()).contains("my own photograph");
        browser.findElement(By.id("claim")).click();
        await(page -> !page.findElements(By.id("outcome-uphold")).isEmpty());
        axe.assertAccessible("an appeal case with its decision form");
        browser.findElement(By.id("outcome-uphold")).click();
        browser.findElement(By.id("decide-appeal")).click();
        await(page -> page.findElement(By.id("case-state")).getText().equalsIgnoreCase("upheld"));
        Appeal appeal = review.appealOfCase(new CaseRef(appealRef)).orElseThrow();
        assertThat(appeal.outcome()).contains(Outcome.UPHOLD);
        assertThat(enforcement.deliveriesForCase(appeal.appealed().caseRef()))
                .as("the uploader hears that the removal stands, through their platform")
                .extracting(Delivery::type)
                .contains(DeliveryType.APPEAL_DECIDED)
                .doesNotContain(DeliveryType.CONTENT_RESTORE);
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
