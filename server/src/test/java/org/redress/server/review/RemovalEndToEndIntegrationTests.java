package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redress.server.AxeCheck;
import org.redress.server.HeadlessChromium;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first path end to end, over real HTTP and in a real browser: the platform checks an upload
 * (ALLOW), the person shown reports it, a moderator signs in, claims the case and decides REMOVE
 * in the browser; the platform's endpoint receives a signed {@code content.remove}, checks the
 * signature and acknowledges; the case's clock stops at that acknowledgement; the image's hashes
 * are banked, so a re-upload of the same picture is checked BLOCK; the reporter's status shows it.
 */
@ServiceTest
class RemovalEndToEndIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "moderator password 1";
    private static Platform platform;
    private static ChromeDriver browser;

    @DynamicPropertySource
    static void webhooks(DynamicPropertyRegistry registry) throws IOException {
        platform = new Platform(Instant::now);
        registry.add("redress.webhook.url", () -> platform.url().toString());
        registry.add("redress.webhook.secret", () -> Platform.SECRET);
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
        if (platform != null) {
            platform.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Identity identity;

    @Autowired
    Review review;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void removesReportedContentAtThePlatformAndBlocksItsReupload() throws Exception {
        Actor tester = new Actor.Operator("test");
        String platformKey = "Bearer "
                + identity.issueApiKey(tester, "platform", Role.PLATFORM).secret();
        String moderator = "mod-" + UUID.randomUUID().toString().substring(0, 8);
        identity.createUser(tester, Username.of(moderator), Role.MODERATOR, false);
        identity.changePassword(tester, Username.of(moderator), PASSWORD);
        byte[] picture = png(picture(7));
        String contentId = "post-" + UUID.randomUUID();

        JsonNode first = check(platformKey, contentId, "uploader-e2e", picture);
        assertThat(first.get("verdict").asString()).isEqualTo("ALLOW");

        HttpResponse<String> filed = post("/api/v1/reports", null, """
                {"reporterRole":"SUBJECT",
                 "declarations":{"intimateImage":true,"subjectOrAuthorised":true,"goodFaithAndTrue":true},
                 "signature":"Sam Example","contentLocators":["%s"],"subjectWasUnder18":false,
                 "description":"My ex posted this"}""".formatted(contentId));
        assertThat(filed.statusCode()).isEqualTo(201);
        JsonNode receipt = JSON.readTree(filed.body());
        String caseRef = receipt.get("caseRef").asString();
        String token = receipt.get("statusToken").asString();

        signIn(moderator);
        open("/review");
        var axe = new AxeCheck(browser, JSON);
        axe.assertAccessible("the review queue");
        browser.findElement(By.linkText(caseRef)).click();
        axe.assertAccessible("a case page before the claim");
        WebElement preview = browser.findElement(By.cssSelector(".media img"));
        assertThat(preview.getAttribute("class")).contains("shielded").contains("greyscale");
        assertThat(preview.getAttribute("src")).endsWith("/preview");
        browser.findElement(By.tagName("body")).sendKeys("c");
        await(page -> byId("claimant").getText().equals(moderator));
        axe.assertAccessible("a claimed case page with the decision form");
        browser.findElement(By.tagName("body")).sendKeys("r");
        assertThat(byId("outcome-remove").isSelected()).isTrue();
        byId("decide").click();
        await(page -> !page.findElements(By.id("notice")).isEmpty());

        await(page -> !platform.acknowledged("content.remove").isEmpty());
        Platform.Received removal = platform.acknowledged("content.remove").getFirst();
        assertThat(removal.signatureValid()).isTrue();
        assertThat(removal.body().get("contentId").asString()).isEqualTo(contentId);
        assertThat(removal.body().get("caseRef").asString()).isEqualTo(caseRef);
        assertThat(removal.body().get("id").asString()).isEqualTo(removal.deliveryId());
        assertThat(removal.body().get("statementOfReasons").get("legalGround")).isNotNull();

        await(page -> review.find(new CaseRef(caseRef)).state() == ReviewState.REMOVED);
        ReviewCase removed = review.find(new CaseRef(caseRef));
        Instant receivedAt = Instant.parse(receipt.get("receivedAt").asString());
        assertThat(removed.removedAt())
                .hasValueSatisfying(
                        at -> assertThat(at).isAfter(receivedAt).isBefore(receivedAt.plus(Duration.ofMinutes(5))));
        assertThat(removed.breachedAt(Instant.now().plus(Duration.ofDays(30))))
                .as("the clock stopped")
                .isFalse();

        // The removed image is banked from the follow-up queue right after the acknowledgement commits.
        await(page -> review.caseFile(new CaseRef(caseRef)).history().stream()
                .anyMatch(h -> h.what() == HistoryStep.HASHES_BANKED));
        JsonNode again = check(platformKey, "repost-" + UUID.randomUUID(), "another-uploader", picture);
        assertThat(again.get("verdict").asString()).isEqualTo("BLOCK");
        assertThat(again.get("matches").get(0).get("bank").asString()).isEqualTo("confirmed-removals");

        browser.navigate().refresh();
        assertThat(byId("case-state").getText()).isEqualTo("Removed");
        assertThat(byId("history").getText())
                .contains("The platform confirmed the removal")
                .contains("Removed content's hashes banked")
                .contains("Every item removed: the clock stopped");

        open("/review/dashboard");
        axe.assertAccessible("the deadlines dashboard");
        assertThat(Integer.parseInt(browser.findElement(By.cssSelector("#counts td[data-state=REMOVED]"))
                        .getText()))
                .isGreaterThanOrEqualTo(1);

        HttpResponse<String> status = http.send(
                HttpRequest.newBuilder(url("/api/v1/reports/" + caseRef))
                        .header("X-Case-Token", token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(status.body()).contains("REMOVAL_DECIDED").contains("\"REMOVED\"");
        assertThat(JSON.readTree(status.body()).get("state").asString()).isEqualTo("REMOVED");
        open("/status/" + caseRef + "?t=" + token);
        assertThat(byId("state").getText()).isEqualTo("Content removed");
        assertThat(browser.findElements(By.id("withdraw")))
                .as("withdrawal offered after removal")
                .isEmpty();
    }

    private JsonNode check(String key, String contentId, String uploader, byte[] image) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        for (String[] field : new String[][] {{"contentId", contentId}, {"uploaderId", uploader}}) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                            + field[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"upload.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(image);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(url("/api/v1/checks"))
                        .header("Authorization", key)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> post(String path, String key, String json) throws Exception {
        var request = HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Authorization", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private void open(String path) {
        browser.get(url(path).toString());
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private void await(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }

    private void signIn(String username) {
        browser.manage().deleteAllCookies();
        HeadlessChromium.signIn(browser, url("").toString(), username, PASSWORD);
    }

    /** A synthetic photograph stand-in: seeded random shapes, never real imagery. */
    static BufferedImage picture(long seed) {
        var random = new Random(seed);
        var image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(random.nextInt(0xFFFFFF)));
        g.fillRect(0, 0, 320, 240);
        for (int i = 0; i < 14; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillOval(random.nextInt(280), random.nextInt(200), 20 + random.nextInt(140), 20 + random.nextInt(100));
        }
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
