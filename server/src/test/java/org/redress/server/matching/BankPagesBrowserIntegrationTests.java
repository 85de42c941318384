package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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
        byId("new-password").sendKeys(PASSWORD);
        byId("confirmation").sendKeys(PASSWORD);
        byId("change-password").click();
        assertThat(byId("password-changed").getText()).contains("password was changed");
        signIn(name, PASSWORD);
    }

    private static PdqHash pdqOf(long seed) {
        return UploadHashing.hash(TestImages.png(TestImages.picture(seed))).hashes().pdq().orElseThrow();
    }

    private String verdictOf(String platformKey, PdqHash pdq, String md5) throws Exception {
        String body = "{\"contentId\":\"c-" + unique() + "\",\"uploaderId\":\"u-1\",\"pdq\":\"" + pdq.toHex() + "\""
                + (md5.isEmpty() ? "" : ",\"md5\":\"" + md5 + "\"") + "}";
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/checks"))
                .header("Authorization", "Bearer " + platformKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
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
        Files.writeString(list, "# partner list\npdq " + imported.toHex() + "\npdq not-hex\nmd5 " + md5 + "\n",
                StandardCharsets.UTF_8);
        try {
            new Select(byId("import-format")).selectByValue("text");
            byId("import-file").sendKeys(list.toAbsolutePath().toString());
            byId("import").click();
        } finally {
            Files.delete(list);
        }
        assertThat(byId("imported-count").getText()).isEqualTo("2");
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
        assertThat(byId(rowId).findElement(By.className("entry-status")).getText()).isEqualTo("disabled");
        axe.assertAccessible("a bank's page with a disabled entry");

        String platform = identity.issueApiKey(TESTER, "bank-pages platform", Role.PLATFORM).secret();
        PdqHash unrelated = pdqOf(63);
        assertThat(verdictOf(platform, added, "")).as("the hash added on the page").isEqualTo("BLOCK");
        assertThat(verdictOf(platform, unrelated, md5)).as("the imported MD5").isEqualTo("BLOCK");
        assertThat(verdictOf(platform, imported, "")).as("the imported, then disabled, PDQ").isEqualTo("ALLOW");
        assertThat(verdictOf(platform, unrelated, "")).as("an unrelated image").isEqualTo("ALLOW");

        open("/banks/no-such-bank-" + unique());
        assertThat(byId("banks-error").getText()).isEqualTo("There is no bank with this name.");
        axe.assertAccessible("/banks for an unknown bank");
    }
}
