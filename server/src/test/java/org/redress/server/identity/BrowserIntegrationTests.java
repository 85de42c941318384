package org.redress.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.redress.server.HeadlessChromium;
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

    private static final String PASSWORD = "a long new password";

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    Identity identity;

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
        HeadlessChromium.signIn(browser, "http://localhost:" + port, username, password);
    }

    private String newAdminWithChosenPassword() {
        String name = "web-" + UUID.randomUUID().toString().substring(0, 8);
        var account = identity.createUser(new Actor.Operator("test"), Username.of(name), Role.ADMIN, false);
        signIn(name, account.oneTimePassword());
        assertThat(browser.getCurrentUrl()).endsWith("/account/password");
        byId("current-password").sendKeys(account.oneTimePassword());
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
