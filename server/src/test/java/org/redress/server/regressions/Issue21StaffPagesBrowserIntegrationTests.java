package org.redress.server.regressions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.redress.server.AxeCheck;
import org.redress.server.HeadlessChromium;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.intake.Channel;
import org.redress.server.intake.ContentLocator;
import org.redress.server.intake.Declarations;
import org.redress.server.intake.Intake;
import org.redress.server.intake.NewReport;
import org.redress.server.intake.ReporterRole;
import org.redress.server.matching.BankAction;
import org.redress.server.matching.BankName;
import org.redress.server.matching.Matching;
import org.redress.server.matching.Provenance;
import org.redress.server.matching.Verdict;
import org.redress.server.matching.banks.MatchIndex;
import org.redress.server.matching.check.UploadHashing;
import org.redress.server.media.MediaImages;
import org.redress.server.review.DecisionRequest;
import org.redress.server.review.Moderator;
import org.redress.server.review.Outcome;
import org.redress.server.review.Review;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 21, the staff console in headless Chromium at a phone's width (390 px, as a phone lays it
 * out) and a desktop's (1280 px), every page state checked by axe-core: the queue counts, lists and
 * offers what the moderator's role may work, a refused case is a page, and nothing is wider than
 * the screen.
 */
@ServiceTest
class Issue21StaffPagesBrowserIntegrationTests {

    static final String PASSWORD = "a long staff password";
    static final Actor TESTER = new Actor.Operator("test");
    static final List<Integer> WIDTHS = List.of(390, 1280);
    private static final Pattern COUNT = Pattern.compile("\\((\\d+)\\)");

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    Identity identity;

    @Autowired
    Intake intake;

    @Autowired
    Review review;

    @Autowired
    ObjectMapper json;

    @Autowired
    Matching matching;

    @Autowired
    MatchIndex index;

    @Autowired
    JdbcClient jdbc;

    AxeCheck axe;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = HeadlessChromium.startOrSkip(HeadlessChromium.NetworkLog.OFF);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void freshSession() {
        axe = new AxeCheck(browser, json);
        browser.manage().deleteAllCookies();
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A staff account with a password of its own, signed in in the browser. */
    String signInAs(Role role) {
        String name = role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + unique();
        identity.createUser(TESTER, Username.of(name), role, false);
        identity.changePassword(TESTER, Username.of(name), PASSWORD);
        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, "http://localhost:" + port, name, PASSWORD);
        return name;
    }

    CaseRef report(boolean under18) {
        var report = new NewReport(
                ReporterRole.SUBJECT,
                new Declarations(true, true, true),
                "Alex Example",
                List.of(ContentLocator.of("https://platform.example/p/" + unique())),
                Optional.empty(),
                under18,
                Optional.of("Posted by my former partner"));
        return intake.report(new Actor.Public(), Channel.PUBLIC, report, Optional.empty())
                .caseRef();
    }

    /** Lays the page out as a phone (mobile, honouring the viewport meta) or a desktop of that width. */
    void atWidth(int width) {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    boolean present(String id) {
        return !browser.findElements(By.id(id)).isEmpty();
    }

    /** The page is laid out at the screen's width (not 980 px) and nothing sticks out sideways. */
    void assertFitsAndAccessible(String page, int width) {
        long layout = (Long) browser.executeScript("return document.documentElement.clientWidth");
        long content = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        // A desktop's vertical scroll bar takes its few pixels off the layout width.
        assertThat(layout).as("%s laid out at %d px", page, width).isBetween(width - 20L, (long) width);
        assertThat(content).as("%s content width at %d px", page, width).isLessThanOrEqualTo(layout);
        axe.assertAccessible(page + " at " + width + " px");
    }

    /** Each state link's count against the rows its view lists. */
    void assertEveryTabCountsWhatItLists() {
        List<String> links = browser.findElements(By.cssSelector("a.state-link")).stream()
                .map(link -> link.getAttribute("href"))
                .toList();
        for (String link : links) {
            browser.get(link);
            String shown = browser.findElement(By.cssSelector("a.state-link[aria-current=page]"))
                    .getText();
            Matcher count = COUNT.matcher(shown);
            assertThat(count.find()).as(shown).isTrue();
            int rows = browser.findElements(By.cssSelector("#queue tbody tr")).size();
            assertThat(rows).as("rows listed under %s", shown).isLessThan(200);
            assertThat(Integer.parseInt(count.group(1)))
                    .as("count shown on %s", shown)
                    .isEqualTo(rows);
        }
    }

    List<String> listed() {
        return browser.findElements(By.cssSelector("a.case-link")).stream()
                .map(WebElement::getText)
                .toList();
    }

    @Test
    void theQueueCountsListsAndOffersWhatTheRoleMayWork() {
        CaseRef child = report(true);
        CaseRef escalated = report(false);
        String first = signInAs(Role.MODERATOR);
        var firstModerator = new Moderator(first, false);
        review.claim(firstModerator, escalated);
        review.decide(
                firstModerator,
                escalated,
                new DecisionRequest(
                        Outcome.ESCALATE,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("Needs a senior's view."),
                        Optional.empty()));

        signInAs(Role.MODERATOR);
        for (int width : WIDTHS) {
            atWidth(width);
            open("/review");
            assertFitsAndAccessible("the moderator's queue", width);
            assertThat(listed()).doesNotContain(child.value(), escalated.value());
            assertEveryTabCountsWhatItLists();

            open("/review/cases/" + escalated.value());
            assertFitsAndAccessible("an escalated case, for a moderator", width);
            assertThat(present("claim")).as("a claim the service would refuse").isFalse();
            assertThat(byId("senior-only").getText()).contains("senior moderators");

            open("/review/cases/" + child.value());
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
            assertThat(browser.getPageSource()).doesNotContain("/problems/");
            assertFitsAndAccessible("a child-protection case refused to a moderator", width);
        }

        signInAs(Role.SENIOR_MODERATOR);
        for (int width : WIDTHS) {
            atWidth(width);
            open("/review");
            assertFitsAndAccessible("the senior moderator's queue", width);
            assertThat(listed()).contains(child.value(), escalated.value());
            assertEveryTabCountsWhatItLists();

            open("/review/cases/" + escalated.value());
            assertFitsAndAccessible("an escalated case, for a senior moderator", width);
            assertThat(present("claim")).isTrue();
        }
    }

    /** A review bank entry from a partner's import, and an uploaded image that matches it: a case. */
    CaseRef matchCaseFromAnImport(String batch) {
        index.refresh();
        String bank = "import-review-" + unique();
        byte[] image = MediaImages.png(MediaImages.detailed(Long.parseLong(unique(), 16), 240, 200));
        matching.createBank(TESTER, new BankName(bank), BankAction.REVIEW, 31, 0);
        matching.addEntry(
                TESTER,
                new BankName(bank),
                UploadHashing.hash(image).hashes(),
                Optional.empty(),
                Optional.of("partner list"),
                new Provenance(Provenance.Source.IMPORT, batch));
        String content = "content-" + unique();
        Awaitility.await()
                .ignoreExceptions()
                .until(() -> matching.checkImage(TESTER, content, "u-" + unique(), image)
                                .verdict()
                        == Verdict.REVIEW);
        return Awaitility.await()
                .until(
                        () -> jdbc.sql("SELECT case_ref FROM review_content WHERE content_id = :c")
                                .param("c", content)
                                .query(String.class)
                                .optional(),
                        Optional::isPresent)
                .map(CaseRef::new)
                .orElseThrow();
    }

    @Test
    void theCasePageSaysWhatHappenedInWordsAndHidesARevealedImageAgain() {
        String batch = "partner-batch-" + unique();
        CaseRef matched = matchCaseFromAnImport(batch);
        var receipt = intake.report(
                new Actor.Public(),
                Channel.PUBLIC,
                new NewReport(
                        ReporterRole.SUBJECT,
                        new Declarations(true, true, true),
                        "Alex Example",
                        List.of(ContentLocator.of("https://platform.example/p/" + unique())),
                        Optional.empty(),
                        false,
                        Optional.empty()),
                Optional.empty());
        intake.withdraw(new Actor.Public(), receipt.caseRef().value(), receipt.statusToken());
        String name = signInAs(Role.MODERATOR);

        for (int width : WIDTHS) {
            atWidth(width);
            open("/review/cases/" + matched.value());
            WebElement match = browser.findElement(By.cssSelector("#matches tr.match"));
            assertThat(match.findElement(By.className("match-origin")).getText())
                    .contains("import " + batch);
            assertThat(match.findElement(By.className("match-variant")).getText())
                    .isEqualTo("the banked image");
            assertFitsAndAccessible("a case opened by a match", width);

            WebElement image = browser.findElement(By.cssSelector(".media img"));
            browser.findElement(By.cssSelector(".media a.reveal")).click();
            assertThat(image.getAttribute("src")).doesNotEndWith("/preview");
            assertThat(image.getAttribute("class")).doesNotContain("shielded");
            assertFitsAndAccessible("a revealed image", width);
            browser.findElement(By.cssSelector(".media button.hide-image")).click();
            assertThat(image.getAttribute("src")).endsWith("/preview");
            assertThat(image.getAttribute("class")).contains("shielded");
            assertThat(browser.findElement(By.cssSelector(".media a.reveal")).isDisplayed())
                    .isTrue();

            open("/review/cases/" + receipt.caseRef().value());
            assertThat(browser.findElement(By.cssSelector("tr.report .withdrawn"))
                            .getText())
                    .startsWith("Withdrawn ");
            assertFitsAndAccessible("a withdrawn report", width);
        }

        var moderator = new Moderator(name, false);
        review.claim(moderator, matched);
        review.decide(
                moderator,
                matched,
                new DecisionRequest(
                        Outcome.REMOVE,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("Shared without consent."),
                        Optional.empty()));
        for (int width : WIDTHS) {
            atWidth(width);
            open("/review/cases/" + matched.value());
            WebElement statement = browser.findElement(By.cssSelector("details.statement-of-reasons"));
            statement.findElement(By.tagName("summary")).click();
            assertThat(statement.getText()).contains("Facts", "Moderator statement", "Shared without consent.");
            List<String> history = browser.findElements(By.cssSelector("#history li")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(history).anySatisfy(line -> assertThat(line).contains("Case opened", "by the service"));
            assertThat(history).anySatisfy(line -> assertThat(line).contains("Decided: remove", "by " + name));
            assertThat(history)
                    .allSatisfy(line -> assertThat(line)
                            .doesNotContainPattern("[A-Z]{2,}_[A-Z]")
                            .doesNotContain(":review"));
            assertFitsAndAccessible("a decided case with its statement of reasons", width);
        }
    }

    @Test
    void theAdministratorsPagesFitAPhoneAndSayWhatIsWrongBesideTheField() {
        String bank = "phone-bank-" + unique();
        matching.createBank(TESTER, new BankName(bank), BankAction.BLOCK, 31, 0);
        matching.addEntry(
                TESTER,
                new BankName(bank),
                UploadHashing.hash(MediaImages.png(MediaImages.detailed(7, 120, 100)))
                        .hashes(),
                Optional.empty(),
                Optional.of("from a removal"),
                new Provenance(Provenance.Source.MANUAL, "STAFF:test"));
        signInAs(Role.ADMIN);

        for (int width : WIDTHS) {
            atWidth(width);
            open("/");
            assertThat(present("review-link"))
                    .as("a link the administrator would get 403 from")
                    .isFalse();
            assertThat(present("admin-link")).isTrue();
            assertFitsAndAccessible("an administrator's start page", width);

            open("/admin");
            assertThat(new org.openqa.selenium.support.ui.Select(byId("new-role"))
                            .getFirstSelectedOption()
                            .getAttribute("value"))
                    .isEmpty();
            byId("new-username").sendKeys("Not Valid!");
            byId("create-user").click();
            // The answer page is there once the error is (the click returns before it loads).
            assertThat(byId("new-username-error").getText()).contains("lower-case letters");
            assertThat(byId("new-username").getAttribute("value")).isEqualTo("Not Valid!");
            assertThat(byId("new-username").getAttribute("aria-describedby")).isEqualTo("new-username-error");
            assertFitsAndAccessible("the new-account form with its errors", width);

            byId("key-name").sendKeys("platform-" + unique());
            byId("create-key").click();
            assertThat(byId("copy-key").isDisplayed()).isTrue();
            assertFitsAndAccessible("a new API key with its copy button", width);

            open("/banks/" + bank);
            assertFitsAndAccessible("a bank's page", width);
        }
    }
}
