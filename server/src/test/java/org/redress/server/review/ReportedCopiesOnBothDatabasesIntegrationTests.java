package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.TestDatabase;
import org.redress.server.review.AppealEndToEndOnBothDatabasesIntegrationTests.Answer;
import org.redress.server.review.AppealEndToEndOnBothDatabasesIntegrationTests.Service;
import tools.jackson.databind.JsonNode;

/**
 * Copies from the moment of the report (docs/adr/0029), on each database, over real HTTP with a
 * platform endpoint that checks signatures: registered copies of a reported upload (the same file,
 * a JPEG re-encoding, a quarter turn) are on the case before any decision, and one REMOVE sends one
 * {@code content.remove} per content id; a report naming only a URL that a check registered reaches
 * its content id; a URL nobody registered goes to the platform as one signed {@code report.received},
 * and the ids the platform attaches bring their copies along.
 */
class ReportedCopiesOnBothDatabasesIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void copiesOfAReportedUploadJoinItsCaseBeforeTheDecisionAndOneRemoveRemovesEach(TestDatabase.Vendor vendor)
            throws Exception {
        try (var database = TestDatabase.create(vendor);
                var service = new Service(database)) {
            String suffix = UUID.randomUUID().toString();
            BufferedImage picture = RemovalEndToEndIntegrationTests.picture(20_01);
            byte[] png = RemovalEndToEndIntegrationTests.png(picture);
            String reported = "reported-" + suffix;
            String identical = "identical-" + suffix;
            String jpeg = "jpeg-" + suffix;
            String turned = "turned-" + suffix;
            String unrelated = "unrelated-" + suffix;
            assertThat(checkImage(service, reported, "uploader-a", png, List.of()))
                    .isEqualTo(200);
            assertThat(checkImage(service, identical, "uploader-b", png, List.of()))
                    .isEqualTo(200);
            assertThat(checkImage(service, jpeg, "uploader-c", jpeg(picture), List.of()))
                    .isEqualTo(200);
            assertThat(checkImage(
                            service,
                            turned,
                            "uploader-d",
                            RemovalEndToEndIntegrationTests.png(turn(picture)),
                            List.of()))
                    .isEqualTo(200);
            assertThat(checkImage(
                            service,
                            unrelated,
                            "uploader-e",
                            RemovalEndToEndIntegrationTests.png(RemovalEndToEndIntegrationTests.picture(77_02)),
                            List.of()))
                    .isEqualTo(200);

            String caseRef = service.reported(reported, "SUBJECT");

            Set<String> all = Set.of(reported, identical, jpeg, turned);
            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> contents(service, caseRef).containsAll(all));
            assertThat(contents(service, caseRef))
                    .as("the copies are on the case before any decision, and nothing else")
                    .containsExactlyInAnyOrderElementsOf(all);
            assertThat(history(service, caseRef))
                    .filteredOn("COPY_JOINED"::equals)
                    .hasSize(3);
            assertThat(service.platform.received())
                    .as("no removal before the decision")
                    .noneMatch(r -> r.type().equals("content.remove"));

            Answer decided = service.decide(service.decider, caseRef, "REMOVE");
            assertThat(decided.status()).as(decided.body()).isEqualTo(200);

            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> removalsFor(service, caseRef).size() >= all.size());
            List<Platform.Received> removals = removalsFor(service, caseRef);
            assertThat(removals).allMatch(Platform.Received::signatureValid);
            assertThat(removals)
                    .extracting(r -> r.body().get("contentId").asString())
                    .as("one content.remove per content id")
                    .containsExactlyInAnyOrderElementsOf(all);
            assertThat(service.platform.received())
                    .filteredOn(r -> r.type().equals("content.remove"))
                    .noneMatch(r -> r.body().get("contentId").asString().equals(unrelated));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void resolvesReportedUrlsAndAsksThePlatformForTheRest(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var service = new Service(database)) {
            String suffix = UUID.randomUUID().toString();
            String page = "page-" + suffix;
            String json = """
                    {"contentId":"%s","uploaderId":"uploader-p","md5":"%s",
                     "urls":["HTTPS://Platform.Example:443/p/%s?x=1#comments"]}""";
            Answer checked = service.send(
                    "POST", "/api/v1/checks", service.platformKey, json.formatted(page, md5(suffix), suffix));
            assertThat(checked.status()).as(checked.body()).isEqualTo(200);

            String byUrl = service.reported("https://platform.example/p/" + suffix + "?x=1", "SUBJECT");
            assertThat(contents(service, byUrl))
                    .as("the report's URL reaches the content id the check registered it for")
                    .containsExactly(page);

            String unknownUrl = "https://platform.example/elsewhere/" + suffix;
            String asked = service.reported("HTTPS://PLATFORM.EXAMPLE:443/elsewhere/" + suffix + "#top", "SUBJECT");
            Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> !locatorRequests(service, asked).isEmpty());
            Platform.Received request = locatorRequests(service, asked).getFirst();
            assertThat(request.signatureValid()).isTrue();
            JsonNode body = request.body();
            assertThat(body.propertyNames())
                    .containsExactlyInAnyOrder("id", "type", "caseRef", "occurredAt", "locators");
            assertThat(body.get("id").asString()).isEqualTo(request.deliveryId());
            assertThat(body.get("locators").values())
                    .extracting(JsonNode::asString)
                    .containsExactly(unknownUrl);
            assertThat(body.toString()).doesNotContain("Sam Example");
            assertThat(locatorRequests(service, byUrl))
                    .as("a resolved report asks nothing")
                    .isEmpty();

            BufferedImage picture = RemovalEndToEndIntegrationTests.picture(31_07);
            String late = "late-" + suffix;
            String lateCopy = "late-copy-" + suffix;
            assertThat(checkImage(service, late, "uploader-l", RemovalEndToEndIntegrationTests.png(picture), List.of()))
                    .isEqualTo(200);
            assertThat(checkImage(
                            service,
                            lateCopy,
                            "uploader-m",
                            jpeg(picture),
                            List.of("https://platform.example/late/" + suffix, "https://mirror.example/x")))
                    .isEqualTo(200);

            Answer attached = service.send(
                    "POST",
                    "/api/v1/cases/" + asked + "/contents",
                    service.platformKey,
                    "{\"contentIds\":[\"" + late + "\"]}");
            assertThat(attached.status()).as(attached.body()).isEqualTo(200);
            assertThat(attached.json().get("contentIds").values())
                    .extracting(JsonNode::asString)
                    .containsExactly(late);
            Awaitility.await().atMost(WAIT).until(() -> contents(service, asked).contains(lateCopy));
            assertThat(contents(service, asked))
                    .as("the attached id and its copy; the locator it stood for is resolved")
                    .containsExactlyInAnyOrder(late, lateCopy);
            assertThat(locatorRequests(service, asked))
                    .as("exactly one report.received")
                    .hasSize(1);

            String byCheckedUrl = service.reported("https://mirror.example/x", "SUBJECT");
            assertThat(contents(service, byCheckedUrl))
                    .as("a URL registered by an image check")
                    .containsExactly(lateCopy);

            refusesBadInput(service, asked, suffix);
        }
    }

    private static void refusesBadInput(Service service, String caseRef, String suffix) throws Exception {
        Answer badUrl = service.send("POST", "/api/v1/checks", service.platformKey, """
                {"contentId":"bad-%s","uploaderId":"u","md5":"%s",
                 "urls":["https://ok.example/","ftp://no.example/"]}""".formatted(suffix, md5("bad")));
        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(pointers(badUrl)).containsExactly("#/urls/1");
        String many = String.join(",", java.util.Collections.nCopies(21, "\"https://a.example/\""));
        Answer tooMany = service.send(
                "POST",
                "/api/v1/checks",
                service.platformKey,
                "{\"contentId\":\"many\",\"uploaderId\":\"u\",\"md5\":\"%s\",\"urls\":[%s]}".formatted(md5("m"), many));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(pointers(tooMany)).containsExactly("#/urls");
        Answer batch = service.send(
                "POST",
                "/api/v1/checks/batch",
                service.platformKey,
                "{\"checks\":[{\"contentId\":\"b\",\"uploaderId\":\"u\",\"md5\":\"%s\",\"urls\":[\"/relative\"]}]}"
                        .formatted(md5("b")));
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.json()
                        .get("results")
                        .get(0)
                        .get("problem")
                        .get("errors")
                        .get(0)
                        .get("pointer")
                        .asString())
                .isEqualTo("#/urls/0");
        assertThat(checkImage(
                        service,
                        "form-" + suffix,
                        "u",
                        RemovalEndToEndIntegrationTests.png(RemovalEndToEndIntegrationTests.picture(5)),
                        List.of("javascript:alert(1)")))
                .isEqualTo(400);

        String path = "/api/v1/cases/" + caseRef + "/contents";
        assertThat(pointers(service.send("POST", path, service.platformKey, "{}")))
                .containsExactly("#/contentIds");
        assertThat(pointers(service.send("POST", path, service.platformKey, "{\"contentIds\":[\"ok\",\"\"]}")))
                .containsExactly("#/contentIds/1");
        Answer unknown = service.send(
                "POST", "/api/v1/cases/RD-NOSUCHCASE/contents", service.platformKey, "{\"contentIds\":[\"x\"]}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("/problems/review-case-not-found");
        assertThat(service.send("POST", path, service.decider, "{\"contentIds\":[\"x\"]}")
                        .status())
                .as("the platform's key only")
                .isEqualTo(403);
        assertThat(service.decide(service.decider, caseRef, "REMOVE").status()).isEqualTo(200);
        Answer ended = service.send("POST", path, service.platformKey, "{\"contentIds\":[\"after\"]}");
        assertThat(ended.status()).isEqualTo(409);
        assertThat(ended.json().get("type").asString()).isEqualTo("/problems/case-not-decidable");
    }

    private static List<String> pointers(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        List<String> pointers = new ArrayList<>();
        answer.json()
                .get("errors")
                .values()
                .forEach(e -> pointers.add(e.get("pointer").asString()));
        return pointers;
    }

    private static List<String> contents(Service service, String caseRef) throws Exception {
        Answer file = service.send("GET", "/api/v1/cases/" + caseRef, service.decider, "");
        assertThat(file.status()).as(file.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        file.json()
                .get("contents")
                .values()
                .forEach(c -> ids.add(c.get("contentId").asString()));
        return ids;
    }

    private static List<String> history(Service service, String caseRef) throws Exception {
        Answer file = service.send("GET", "/api/v1/cases/" + caseRef, service.decider, "");
        List<String> steps = new ArrayList<>();
        file.json().get("history").values().forEach(h -> steps.add(h.get("what").asString()));
        return steps;
    }

    private static List<Platform.Received> removalsFor(Service service, String caseRef) {
        return service.platform.acknowledged("content.remove").stream()
                .filter(r -> r.body().get("caseRef").asString().equals(caseRef))
                .toList();
    }

    private static List<Platform.Received> locatorRequests(Service service, String caseRef) {
        return service.platform.acknowledged("report.received").stream()
                .filter(r -> r.body().get("caseRef").asString().equals(caseRef))
                .toList();
    }

    /** A multipart image check with repeated {@code urls} fields; returns the status. */
    private static int checkImage(Service service, String contentId, String uploaderId, byte[] image, List<String> urls)
            throws Exception {
        String boundary = "----redress" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        field(body, boundary, "contentId", contentId);
        field(body, boundary, "uploaderId", uploaderId);
        for (String url : urls) {
            field(body, boundary, "urls", url);
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"i.png\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(image);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(service.base() + "/api/v1/checks"))
                .header("Authorization", "Bearer " + service.platformKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        try (var client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        }
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value)
            throws IOException {
        body.write(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] jpeg(BufferedImage picture) throws IOException {
        var out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(picture, "jpg", out)).isTrue();
        return out.toByteArray();
    }

    private static BufferedImage turn(BufferedImage source) {
        var turned = new BufferedImage(source.getHeight(), source.getWidth(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < source.getHeight(); y++) {
            for (int x = 0; x < source.getWidth(); x++) {
                turned.setRGB(source.getHeight() - 1 - y, x, source.getRGB(x, y));
            }
        }
        return turned;
    }

    private static String md5(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8))
                .toString()
                .replace("-", "");
    }
}
