package org.redress.server;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Starts Debian's Chromium headless through its own chromedriver, for the browser tests. Without
 * the two binaries the calling test class is skipped locally with a visible message, and fails
 * under {@code CI=true}, where a skipped browser suite must not look green.
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Whether the browser records every request in Chrome's performance log. */
    public enum NetworkLog {
        OFF,
        ON
    }

    private HeadlessChromium() {}

    /** Starts a browser with a fresh profile; call from a {@code @BeforeAll}. */
    public static ChromeDriver startOrSkip(NetworkLog networkLog) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("chromium and chromium-driver must be installed when CI=true");
            }
            System.err.println("SKIPPED: browser tests need /usr/bin/chromium and /usr/bin/chromedriver");
            Assumptions.abort("chromium or chromedriver missing; browser tests skipped");
        }
        Path profile = Files.createTempDirectory("redress-chromium-");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the background-networking flags Chromium keeps dialling out, and this machine's
        // closed network refuses every attempt.
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile);
        if (networkLog == NetworkLog.ON) {
            var logging = new LoggingPreferences();
            logging.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability("goog:loggingPrefs", logging);
        }
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        var browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return browser;
    }

    /**
     * Signs in through the sign-in page and waits for the answer page: the click returns before the
     * form's navigation has finished (a redirect away from the bare sign-in page, or back to it with
     * {@code ?error}).
     */
    public static void signIn(ChromeDriver browser, String baseUrl, String username, String password) {
        browser.get(baseUrl + "/signin");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("signin")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(page -> !page.getCurrentUrl().endsWith("/signin"));
    }
}
