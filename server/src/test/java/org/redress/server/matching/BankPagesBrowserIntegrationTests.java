package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.redress.pdq.PdqHash;
import org.redress.server.AxeCheck;
import org.redress.server.HeadlessChromium;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.matching.banks.MatchIndex;
import org.redress.server.matching.check.UploadHashing;
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.ObjectMapper;

/**
 * The bank administration pages in headless Chromium, each state checked by axe-core: an admin
 * creates a bank, adds a hash, imports a list with a malformed line and disables an entry, and
 * upload checks over the API afterwards give the verdicts those changes mean.
 */
@ServiceTest
class BankPagesBrowserIntegrationTests {

    private static final String PASSWORD = "a long bank password";
    private static final Actor TESTER = new Actor.Operator("test");

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    Identity identity;

    @Autowired
    MatchIndex index;

    @Autowired
    ObjectMapper json;

    @Autowired
    Matching matching;

    @Value("${spring.servlet.multipart.max-file-size}")
    DataSize uploadLimit;

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

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private void signIn(String username, String password) {
        HeadlessChromium.signIn(browser, "http://localhost:" + port, username, password);
    }

    private void signInAsNewAdmin() {
        String name = "banker-" + unique();
        var account = identity.createUser(TESTER, Username.of(name), Role.ADMIN, false);
        signIn(name, account.oneTimePassword());
        byId("current-password").sendKeys(account.oneTimePassword());
        byId("new-password").sendKeys(PASSWORD);
        byId("confirmation").sendKeys(PASSWORD);
        byId("change-password").click();
        assertThat(byId("password-changed").getText()).contains("password was changed");
        signIn(name, PASSWORD);
    }

    private static PdqHash pdqOf(long seed) {
        return UploadHashing.hash(TestImages.png(TestImages.picture(seed)))
                .hashes()
                .pdq()
                .orElseThrow();
    }

    private String verdictOf(String platformKey, PdqHash pdq, String md5) throws Exception {
        String body = "{\"contentId\":\"c-" + unique() + "\",\"uploaderId\":\"u-1\",\"pdq\":\"" + pdq.toHex() + "\""
                + (md5.isEmpty() ? "" : ",\"md5\":\"" + md5 + "\"") + "}";
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/checks"))
                .header("Authorization", "Bearer " + platformKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (var client = HttpClient.newHttpClient()) {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return json.readTree(response.body()).get("verdict").asString();
        }
    }

    @Test
    void createsABankAddsAndImportsHashesDisablesOneAndTheChecksFollow() throws Exception {
        index.refresh();
        var axe = new AxeCheck(browser, json);
        signInAsNewAdmin();
        assertThat(byId("banks-link").isDisplayed()).isTrue();
        byId("banks-link").click();
        axe.assertAccessible("/banks");

        String bank = "web-bank-" + unique();
        byId("create-bank").click();
        // The browser refuses the empty required name itself; a name of the wrong shape reaches the server.
        byId("bank-name").sendKeys("Not a name!");
        byId("create-bank").click();
        assertThat(byId("banks-error").getText()).contains("A bank name is 1 to 64 lower-case letters");
        assertThat(byId("bank-name").getAttribute("value")).isEqualTo("Not a name!");
        axe.assertAccessible("/banks with an error");
        byId("bank-name").clear();
        byId("bank-name").sendKeys(bank);
        new Select(byId("bank-action")).selectByValue("BLOCK");
        byId("create-bank").click();
        assertThat(byId("banks-message").getText()).contains("was created");
        assertThat(byId("bank-" + bank).getText()).contains("BLOCK", "31", "50", "enabled");
        browser.findElement(By.linkText(bank)).click();
        assertThat(byId("bank-name").getText()).isEqualTo(bank);
        assertThat(byId("no-entries").isDisplayed()).isTrue();
        axe.assertAccessible("a new bank's page");

        PdqHash added = pdqOf(61);
        byId("hash-value").sendKeys("abc");
        byId("hash-note").sendKeys("from the page");
        byId("add-hash").click();
        assertThat(byId("bank-error").getText()).isEqualTo("A PDQ hash is 64 hex digits (0-9, a-f).");
        assertThat(byId("hash-note").getAttribute("value")).isEqualTo("from the page");
        byId("hash-value").clear();
        byId("hash-value").sendKeys(added.toHex());
        byId("add-hash").click();
        assertThat(byId("bank-message").getText()).startsWith("The hash was added as entry");
        assertThat(byId("entries").getText()).contains("pdq " + added.toHex(), "MANUAL", "from the page");

        PdqHash imported = pdqOf(62);
        String md5 = "0123456789abcdef0123456789abcdef";
        Path list = Files.createTempFile("bank-import-", ".txt");
        Files.writeString(
                list,
                "# partner list\npdq " + imported.toHex() + "\npdq not-hex\nmd5 " + md5 + "\n",
                StandardCharsets.UTF_8);
        try {
            new Select(byId("import-format")).selectByValue("text");
            byId("import-file").sendKeys(list.toAbsolutePath().toString());
            byId("import").click();
            // The click returns before the browser has read the file: it is deleted only once the page answered.
            assertThat(byId("imported-count").getText()).isEqualTo("2");
        } finally {
            Files.delete(list);
        }
        assertThat(byId("rejected-count").getText()).isEqualTo("1");
        assertThat(byId("rejected-lines").getText()).isEqualTo("3");
        assertThat(byId("entry-count").getText()).isEqualTo("3");
        axe.assertAccessible("a bank's page after an import");

        WebElement importedRow = browser.findElement(
                By.xpath("//table[@id='entries']//tr[.//code[text()='pdq " + imported.toHex() + "']]"));
        String rowId = importedRow.getAttribute("id");
        assertThat(importedRow.getText()).contains("IMPORT", "enabled");
        importedRow.findElement(By.className("disable")).click();
        assertThat(byId("bank-message").getText()).endsWith("was disabled.");
        assertThat(byId(rowId).findElement(By.className("entry-status")).getText())
                .isEqualTo("disabled");
        axe.assertAccessible("a bank's page with a disabled entry");

        String platform = identity.issueApiKey(TESTER, "bank-pages platform", Role.PLATFORM)
                .secret();
        PdqHash unrelated = pdqOf(63);
        assertThat(verdictOf(platform, added, ""))
                .as("the hash added on the page")
                .isEqualTo("BLOCK");
        assertThat(verdictOf(platform, unrelated, md5)).as("the imported MD5").isEqualTo("BLOCK");
        assertThat(verdictOf(platform, imported, ""))
                .as("the imported, then disabled, PDQ")
                .isEqualTo("ALLOW");
        assertThat(verdictOf(platform, unrelated, "")).as("an unrelated image").isEqualTo("ALLOW");

        open("/banks/no-such-bank-" + unique());
        assertThat(byId("banks-error").getText()).isEqualTo("There is no bank with this name.");
        axe.assertAccessible("/banks for an unknown bank");
    }

    private String newBankWithEntry(PdqHash pdq, String note) {
        String bank = "confirm-" + unique();
        matching.createBank(
                TESTER, new BankName(bank), BankAction.BLOCK, Bank.DEFAULT_MAX_DISTANCE, Bank.DEFAULT_QUALITY_FLOOR);
        matching.addEntry(
                TESTER,
                new BankName(bank),
                EntryHashes.ofPdq(pdq),
                Optional.empty(),
                Optional.of(note),
                new Provenance(Provenance.Source.MANUAL, "operator:tester"));
        return bank;
    }

    @Test
    void deletesAnEntryOnlyAfterItsConfirmationAndTheHashStopsMatching() throws Exception {
        index.refresh();
        var axe = new AxeCheck(browser, json);
        PdqHash banked = pdqOf(71);
        String bank = newBankWithEntry(banked, "to be deleted");
        String platform = identity.issueApiKey(TESTER, "confirmation platform", Role.PLATFORM)
                .secret();
        signInAsNewAdmin();
        open("/banks/" + bank);
        WebElement row = browser.findElement(
                By.xpath("//table[@id='entries']//tr[.//code[text()='pdq " + banked.toHex() + "']]"));
        String rowId = row.getAttribute("id");

        row.findElement(By.className("delete")).click();
        assertThat(byId("delete-entry").getText())
                .contains("pdq " + banked.toHex(), "MANUAL", "operator:tester", "to be deleted", bank);
        axe.assertAccessible("the confirmation of an entry's deletion");
        byId("cancel-delete").click();
        assertThat(byId("bank-name").getText()).isEqualTo(bank);
        assertThat(byId(rowId).getText()).contains("pdq " + banked.toHex(), "enabled");
        assertThat(byId("entry-count").getText()).isEqualTo("1");
        assertThat(verdictOf(platform, banked, ""))
                .as("the entry kept by Cancel")
                .isEqualTo("BLOCK");

        byId(rowId).findElement(By.className("delete")).click();
        byId("confirm-delete").click();
        assertThat(byId("bank-message").getText()).endsWith("was deleted.");
        assertThat(browser.findElements(By.id(rowId))).isEmpty();
        assertThat(byId("entry-count").getText()).isEqualTo("0");
        axe.assertAccessible("a bank's page after a deletion");
        assertThat(verdictOf(platform, banked, "")).as("the deleted entry").isEqualTo("ALLOW");
    }

    /** Posts the file as multipart form data with the browser's session cookie and, unless blank, a CSRF token. */
    private HttpResponse<String> postFileAsBrowser(String path, String csrf, Path file) throws Exception {
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        String boundary = "redress-" + unique();
        String token = csrf.isEmpty()
                ? ""
                : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n";
        byte[] head = (token + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\ntext\r\n--"
                        + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"list.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        try (var client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void refusesAnImportOverTheUploadLimitWithTheReasonAndImportsNothing() throws Exception {
        var axe = new AxeCheck(browser, json);
        PdqHash banked = pdqOf(72);
        String bank = newBankWithEntry(banked, "already there");
        signInAsNewAdmin();
        open("/banks/" + bank);
        String line = "pdq " + pdqOf(73).toHex() + "\n";
        Path list = Files.createTempFile("bank-import-", ".txt");
        try {
            Files.writeString(
                    list, line.repeat((int) (uploadLimit.toBytes() / line.length()) + 1000), StandardCharsets.US_ASCII);
            byId("import-file").sendKeys(list.toAbsolutePath().toString());
            byId("import").click();
            assertThat(byId("bank-error").getText()).contains("16 MB", "POST /api/v1/banks/" + bank + "/import");
            assertThat(byId("entry-count").getText()).isEqualTo("1");
            assertThat(byId("entries").getText()).contains("pdq " + banked.toHex());
            assertThat(byId("import-file").isDisplayed()).isTrue();
            axe.assertAccessible("a bank's page refusing an import over the limit");

            // The same upload with the browser's session, to see the status the browser does not show.
            String csrf = browser.findElement(By.cssSelector("form[enctype] input[name='_csrf']"))
                    .getAttribute("value");
            var refused = postFileAsBrowser("/banks/" + bank + "/import", csrf, list);
            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(refused.body()).contains("id=\"bank-error\"", "16 MB");
            // Only the import is let past the token check when too large: a deletion so sent does nothing
            // (its refusal is then rendered as too large, since the body cannot be read).
            open("/banks/" + bank);
            String entryPath = browser.findElement(By.className("delete"))
                    .getAttribute("href")
                    .substring(("http://localhost:" + port).length());
            var forged = postFileAsBrowser(entryPath, "", list);
            assertThat(forged.statusCode()).as(forged.body()).isIn(403, 413);
            assertThat(matching.newestEntries(new BankName(bank), 10))
                    .as("the entry, not deleted")
                    .hasSize(1);
        } finally {
            Files.delete(list);
        }
        assertThat(matching.entryCounts().get(new BankName(bank)))
                .as("nothing imported")
                .isEqualTo(1L);
    }
}
