package org.redress.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.redress.server.ServiceTest;
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sign-in, sign-out and the admin page in headless Chromium. Debian's {@code chromium} and
 * {@code chromium-driver} are used directly, so Selenium never downloads anything. Without them
 * the tests are skipped locally and fail under {@code CI=true}.
 */
@ServiceTest
class BrowserIntegrationTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String PASSWORD = "a long new password";

    private static ChromeDriver browser;
    private static Path profile;

    @LocalServerPort
    int port;

    @Autowired
    Identity identity;

    @BeforeAll
    static void startBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("chromium and chromium-driver must be installed when CI=true");
            }
            System.err.println("SKIPPED: browser tests need /usr/bin/chromium and /usr/bin/chromedriver");
            Assumptions.abort("chromium or chromedriver missing; browser tests skipped");
        }
        profile = Files.createTempDirectory("redress-chromium-");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void startSignedOut() {
        browser.manage().deleteAllCookies();
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private void signIn(String username, String password) {
        open("/signin");
        byId("username").sendKeys(username);
        byId("password").sendKeys(password);
        byId("signin").click();
    }

    private String newAdminWithChosenPassword() {
        String name = "web-" + UUID.randomUUID().toString().substring(0, 8);
        var account = identity.createUser(new Actor.Operator("test"), Username.of(name), Role.ADMIN, false);
        signIn(name, account.oneTimePassword());
        assertThat(browser.getCurrentUrl()).endsWith("/account/password");
        byId("new-password").sendKeys(PASSWORD);
        byId("confirmation").sendKeys(PASSWORD);
        byId("change-password").click();
        assertThat(byId("password-changed").getText()).contains("password was changed");
        return name;
    }

    @Test
    void signsInWithAOneTimePasswordThenWithTheChosenOneAndSignsOut() {
        String name = newAdminWithChosenPassword();
        signIn(name, PASSWORD);
        assertThat(byId("signed-in-as").getText()).isEqualTo(name);
        byId("signout").click();
        assertThat(byId("signed-out").isDisplayed()).isTrue();
        open("/admin");
        assertThat(browser.getCurrentUrl()).endsWith("/signin");
    }

    @Test
    void showsAnErrorForAWrongPassword() {
        signIn("nobody-" + UUID.randomUUID().toString().substring(0, 8), "not the password");
        assertThat(byId("signin-error").getText()).contains("Sign-in failed");
    }

    @Test
    void letsAnAdminCreateAModeratorAndAnApiKey() {
        String admin = newAdminWithChosenPassword();
        signIn(admin, PASSWORD);
        open("/admin");

        String moderator = "mod-" + UUID.randomUUID().toString().substring(0, 8);
        byId("new-username").sendKeys(moderator);
        new Select(byId("new-role")).selectByValue("MODERATOR");
        byId("create-user").click();
        assertThat(byId("created-user").getText()).isEqualTo(moderator);
        String oneTime = byId("created-password").getText();
        assertThat(oneTime).hasSize(20);
        assertThat(byId("users").getText()).contains(moderator, "MODERATOR");

        byId("key-name").sendKeys("Browser-made key");
        new Select(byId("key-role")).selectByValue("PLATFORM");
        byId("create-key").click();
        String secret = byId("created-key").getText();
        assertThat(secret).startsWith("rdk_");
        assertThat(identity.authenticate(secret)).get().extracting(ApiKey::role).isEqualTo(Role.PLATFORM);
        assertThat(byId("api-keys").getText()).contains("Browser-made key");

        byId("signout").click();
        signIn(moderator, oneTime);
        assertThat(browser.getCurrentUrl()).endsWith("/account/password");
    }
}
