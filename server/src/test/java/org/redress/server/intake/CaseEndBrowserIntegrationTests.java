package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.redress.server.AxeCheck;
import org.redress.server.HeadlessChromium;
import org.redress.server.ServiceTest;
import org.redress.server.shared.CaseRef;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A case ends for the person who reported it: once review's steps (which intake hears as
 * {@link Progress}, exactly as review reports them) end the case, the status API and the status
 * page say how it ended and what the person can do next, and withdrawal is no longer offered.
 */
@ServiceTest
class CaseEndBrowserIntegrationTests {

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    Intake intake;

    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.startOrSkip(HeadlessChromium.NetworkLog.OFF);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static final String CONTACT = ",\"contact\":{\"email\":\"eli@example.org\"}";

    private record Filed(String caseRef, String token) {}

    private Filed file(boolean withEmail) throws Exception {
        String body = """
                {"reporterRole":"SUBJECT",
                 "declarations":{"intimateImage":true,"subjectOrAuthorised":true,"goodFaithAndTrue":true},
                 "signature":"Eli End","contentLocators":["https://platform.example/end/%s"],
                 "subjectWasUnder18":false%s}""".formatted(UUID.randomUUID(), withEmail ? CONTACT : "");
        HttpResponse<String> answer = send(HttpRequest.newBuilder(url("/api/v1/reports"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        JsonNode receipt = json.readTree(answer.body());
        return new Filed(
                receipt.get("caseRef").asString(), receipt.get("statusToken").asString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode apiStatus(Filed filed) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(url("/api/v1/reports/" + filed.caseRef()))
                .header("X-Case-Token", filed.token()));
        assertThat(answer.statusCode()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private void openStatus(Filed filed) {
        browser.get("http://localhost:" + port + "/status/" + filed.caseRef() + "?t=" + filed.token());
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private boolean present(String id) {
        return !browser.findElements(By.id(id)).isEmpty();
    }

    @Test
    void saysTheContentWasNotRemovedWhatToDoNextAndNoLongerOffersWithdrawal() throws Exception {
        Filed filed = file(true);
        openStatus(filed);
        assertThat(byId("state").getText()).isEqualTo("Open");
        assertThat(present("withdraw")).isTrue();
        assertThat(present("deadline")).isTrue();

        intake.recordProgress(new CaseRef(filed.caseRef()), Progress.NOT_INTIMATE_IMAGE_CONTENT);

        assertThat(apiStatus(filed).get("state").asString()).isEqualTo("NO_ACTION");
        openStatus(filed);
        assertThat(byId("state").getText()).isEqualTo("Not removed");
        assertThat(byId("outcome").getText()).contains("did not remove it");
        assertThat(byId("next-steps").getText()).contains("complain below").contains("police");
        assertThat(present("withdraw"))
                .as("withdrawal offered on an ended case")
                .isFalse();
        assertThat(present("deadline")).isFalse();
        assertThat(present("complain")).isTrue();
        new AxeCheck(browser, json).assertAccessible("the status page of a case that ended without removal");

        HttpResponse<String> withdrawal =
                send(HttpRequest.newBuilder(url("/api/v1/reports/" + filed.caseRef() + "/withdrawal"))
                        .header("X-Case-Token", filed.token())
                        .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(withdrawal.statusCode()).isEqualTo(409);
        assertThat(json.readTree(withdrawal.body()).get("type").asString()).isEqualTo("/problems/case-ended");
    }

    @Test
    void followsTheCaseToItsRemovalAndAReferralToItsEnd() throws Exception {
        Filed removed = file(false);
        var ref = new CaseRef(removed.caseRef());
        intake.recordProgress(ref, Progress.REMOVAL_DECIDED);
        assertThat(apiStatus(removed).get("state").asString()).isEqualTo("OPEN");

        intake.recordProgress(ref, Progress.REMOVED);

        assertThat(apiStatus(removed).get("state").asString()).isEqualTo("REMOVED");
        openStatus(removed);
        assertThat(byId("state").getText()).isEqualTo("Content removed");
        assertThat(byId("outcome").getText()).contains("was removed");
        assertThat(byId("next-steps").getText()).contains("StopNCII.org");
        assertThat(present("withdraw")).isFalse();
        assertThat(present("stop-messages"))
                .as("no messages to stop without an e-mail address")
                .isFalse();

        Filed referred = file(true);
        intake.recordProgress(new CaseRef(referred.caseRef()), Progress.REFERRED);
        intake.recordProgress(new CaseRef(referred.caseRef()), Progress.REMOVED);
        assertThat(apiStatus(referred).get("state").asString()).isEqualTo("REFERRED");
        openStatus(referred);
        assertThat(byId("state").getText()).isEqualTo("Referred");
        assertThat(present("stop-messages")).isTrue();
        assertThat(present("withdraw")).isFalse();
    }
}
