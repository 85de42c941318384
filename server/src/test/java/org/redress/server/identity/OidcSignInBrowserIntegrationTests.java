package org.redress.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redress.server.AxeCheck;
import org.redress.server.HeadlessChromium;
import org.redress.server.RedressApplication;
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.ObjectMapper;

/**
 * Staff sign in with the platform's OpenID Connect provider (a small provider started by the test,
 * with real signed ID tokens): roles come from the configured claim, the account is made at the
 * first sign-in, a person without a Redress role, a disabled account and a local account's username
 * are refused, and local passwords still work beside it.
 */
@SpringBootTest(
        classes = RedressApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "redress.data=target/it-data/${random.uuid}",
            "spring.security.oauth2.client.registration.idp.client-id=" + TestOidcProvider.CLIENT_ID,
            "spring.security.oauth2.client.registration.idp.client-secret=provider-secret",
            "spring.security.oauth2.client.registration.idp.client-name=Example Login",
            "spring.security.oauth2.client.registration.idp.scope=openid,profile",
            "redress.oidc.roles-claim=groups",
            "redress.oidc.roles.senior-moderator=redress-seniors",
            "redress.oidc.roles.admin=redress-admins"
        })
class OidcSignInBrowserIntegrationTests {

    static TestOidcProvider provider;
    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    Identity identity;

    @Autowired
    ObjectMapper json;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) throws Exception {
        if (provider == null) {
            provider = new TestOidcProvider();
        }
        properties.add("spring.security.oauth2.client.provider.idp.issuer-uri", provider::issuer);
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = HeadlessChromium.startOrSkip(HeadlessChromium.NetworkLog.OFF);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.manage().deleteAllCookies();
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Signs in through the provider's button and waits until the browser has left the provider's round trip. */
    void signInWithProvider(String username, List<String> groups) {
        provider.nextSignIn(Map.of("preferred_username", username, "groups", groups));
        browser.get("http://localhost:" + port + "/signin");
        browser.findElement(By.id("signin-with-idp")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(page -> page.getCurrentUrl().startsWith("http://localhost:" + port + "/")
                        && !page.getCurrentUrl().contains("/login/oauth2/"));
    }

    @Test
    void signsInASeniorModeratorWithTheProvidersRolesAndMakesTheirAccount() {
        browser.get("http://localhost:" + port + "/signin");
        assertThat(browser.findElement(By.id("signin-with-idp")).getText()).isEqualTo("Sign in with Example Login");
        new AxeCheck(browser, json).assertAccessible("the sign-in page with a provider");

        String name = "Sam.Senior-" + unique();
        signInWithProvider(name, List.of("everyone", "redress-seniors"));

        assertThat(browser.getCurrentUrl()).isEqualTo("http://localhost:" + port + "/");
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo(name.toLowerCase());
        assertThat(browser.findElements(By.id("review-link"))).hasSize(1);
        assertThat(browser.findElements(By.id("admin-link"))).isEmpty();
        browser.findElement(By.id("review-link")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Review queue");
        assertThat(identity.findUser(Username.of(name.toLowerCase()))).get().satisfies(account -> {
            assertThat(account.role()).isEqualTo(Role.SENIOR_MODERATOR);
            assertThat(account.passwordExpired()).isFalse();
        });
    }

    @Test
    void refusesAPersonWithoutARedressRoleADisabledAccountAndALocalAccountsName() {
        String nobody = "visitor-" + unique();
        signInWithProvider(nobody, List.of("everyone"));
        assertThat(browser.getCurrentUrl()).endsWith("/signin?error");
        assertThat(identity.findUser(Username.of(nobody))).isEmpty();

        String leaver = "leaver-" + unique();
        signInWithProvider(leaver, List.of("redress-admins"));
        assertThat(browser.findElements(By.id("admin-link"))).hasSize(1);
        identity.setEnabled(new Actor.Operator("test"), Username.of(leaver), false);
        browser.manage().deleteAllCookies();
        signInWithProvider(leaver, List.of("redress-admins"));
        assertThat(browser.getCurrentUrl()).endsWith("/signin?error");

        String local = "local-" + unique();
        identity.createUser(new Actor.Operator("test"), Username.of(local), Role.MODERATOR, false);
        browser.manage().deleteAllCookies();
        signInWithProvider(local, List.of("redress-admins"));
        assertThat(browser.getCurrentUrl()).endsWith("/signin?error");
        assertThat(identity.findUser(Username.of(local)).orElseThrow().role()).isEqualTo(Role.MODERATOR);
    }

    @Test
    void stillSignsInWithALocalPassword() {
        String local = "password-user-" + unique();
        identity.createUser(new Actor.Operator("test"), Username.of(local), Role.MODERATOR, false);
        identity.changePassword(new Actor.Operator("test"), Username.of(local), "a long local password");

        HeadlessChromium.signIn(browser, "http://localhost:" + port, local, "a long local password");

        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo(local);
        assertThat(browser.findElements(By.id("review-link"))).hasSize(1);
    }
}
