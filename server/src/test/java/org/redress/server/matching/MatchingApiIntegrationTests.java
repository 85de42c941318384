package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.pdq.PdqHash;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.matching.banks.MatchIndex;
import org.redress.server.matching.check.UploadHashing;
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The bank and check API over HTTP, with real keys. */
@ServiceTest
class MatchingApiIntegrationTests {

    private static final Actor TESTER = new Actor.Operator("test");

    @Autowired
    MockMvc mvc;

    @Autowired
    Identity identity;

    @Autowired
    MatchIndex index;

    @LocalServerPort
    int port;

    private String admin;
    private String platform;

    @BeforeEach
    void issueKeys() {
        index.refresh();
        admin = "Bearer "
                + identity.createUser(TESTER, Username.of("bank-admin-" + unique()), Role.ADMIN, true)
                        .apiKey()
                        .orElseThrow()
                        .secret();
        platform = "Bearer "
                + identity.issueApiKey(TESTER, "platform", Role.PLATFORM).secret();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static PdqHash pdqOf(byte[] png) {
        return UploadHashing.hash(png).hashes().pdq().orElseThrow();
    }

    private String createBank(String action) throws Exception {
        String name = "bank-" + unique();
        mvc.perform(post("/api/v1/banks")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"action\":\"" + action + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.maxDistance").value(31))
                .andExpect(jsonPath("$.qualityFloor").value(50));
        return name;
    }

    private ResultActions addHash(String bank, String body) throws Exception {
        return mvc.perform(post("/api/v1/banks/" + bank + "/hashes")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private ResultActions checkHash(PdqHash pdq) throws Exception {
        return mvc.perform(post("/api/v1/checks")
                .header("Authorization", platform)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"contentId\":\"c-" + unique() + "\",\"uploaderId\":\"u-1\",\"pdq\":\"" + pdq.toHex()
                        + "\"}"));
    }

    private ResultActions checkImage(byte[] image) throws Exception {
        return mvc.perform(multipart("/api/v1/checks")
                .file(new MockMultipartFile("image", "upload.png", "image/png", image))
                .part(formField("contentId", "c-" + unique()))
                .part(formField("uploaderId", "u-2"))
                .header("Authorization", platform));
    }

    @Test
    void matchesAJsonCheckByPdqOnlyWhenItsQualityMeetsTheBanksFloor() throws Exception {
        PdqHash hash = pdqOf(TestImages.png(TestImages.picture(16)));
        String bank = createBank("BLOCK");
        addHash(bank, "{\"pdq\":\"" + hash.toHex() + "\"}").andExpect(status().isCreated());
        String body = "{\"contentId\":\"c-" + unique() + "\",\"uploaderId\":\"u-1\",\"pdq\":\"" + hash.toHex()
                + "\",\"quality\":";

        mvc.perform(post("/api/v1/checks")
                        .header("Authorization", platform)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body + "49}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("ALLOW"));
        mvc.perform(post("/api/v1/checks")
                        .header("Authorization", platform)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body + "50}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("BLOCK"));
        mvc.perform(post("/api/v1/checks")
                        .header("Authorization", platform)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body + "101}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void blocksANearDuplicateOfABankedHashAndAllowsAnUnrelatedImage() throws Exception {
        var original = TestImages.picture(11);
        String bank = createBank("BLOCK");
        String created = addHash(
                        bank, "{\"pdq\":\"" + pdqOf(TestImages.png(original)).toHex() + "\",\"note\":\"test\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long entryId = Long.parseLong(created.replaceAll("\\D", ""));

        checkHash(pdqOf(TestImages.png(TestImages.nearDuplicate(original))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("BLOCK"))
                .andExpect(jsonPath("$.matches[0].bank").value(bank))
                .andExpect(jsonPath("$.matches[0].entryId").value(entryId));
        checkHash(pdqOf(TestImages.png(TestImages.picture(12))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("ALLOW"))
                .andExpect(jsonPath("$.matches").isEmpty());
    }

    @Test
    void matchesRotatedAndMirroredUploadsThroughTheirDihedralHashes() throws Exception {
        var original = TestImages.picture(13);
        String bank = createBank("REVIEW");
        PdqHash banked = pdqOf(TestImages.png(original));
        addHash(bank, "{\"pdq\":\"" + banked.toHex() + "\"}").andExpect(status().isCreated());
        byte[] rotated = TestImages.png(TestImages.rotated(original));
        byte[] mirrored = TestImages.png(TestImages.mirrored(original));

        assertThat(pdqOf(rotated).distanceTo(banked))
                .as("the plain hash misses a rotation")
                .isGreaterThan(31);
        assertThat(pdqOf(mirrored).distanceTo(banked))
                .as("the plain hash misses a mirroring")
                .isGreaterThan(31);
        checkHash(pdqOf(rotated)).andExpect(jsonPath("$.verdict").value("ALLOW"));
        checkImage(rotated)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("REVIEW"))
                .andExpect(jsonPath("$.matches[0].distance").value(org.hamcrest.Matchers.lessThanOrEqualTo(31)));
        checkImage(mirrored)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("REVIEW"));
    }

    @Test
    void matchesAnExactCopyByItsSha256() throws Exception {
        byte[] image = TestImages.png(TestImages.picture(14));
        String bank = createBank("BLOCK");
        String sha256 = UploadHashing.hash(image).hashes().sha256().orElseThrow();
        addHash(bank, "{\"sha256\":\"" + sha256.toUpperCase(java.util.Locale.ROOT) + "\"}")
                .andExpect(status().isCreated());

        checkImage(image)
                .andExpect(jsonPath("$.verdict").value("BLOCK"))
                .andExpect(jsonPath("$.matches[0].distance").value(0));
    }

    @Test
    void rejectsMalformedHashesWithoutEchoingThem() throws Exception {
        String bank = createBank("LOG");
        addHash(bank, "{\"pdq\":\"" + "z".repeat(64) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("zzzz"))));
        addHash(bank, "{\"note\":\"no hash at all\"}").andExpect(status().isBadRequest());
        addHash(bank, "{\"md5\":\"abc\"}").andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/checks")
                        .header("Authorization", platform)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contentId\":\"c\",\"uploaderId\":\"u\",\"pdq\":\"" + "a".repeat(63) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"));
    }

    @Test
    void answersUnknownBanksAndTakenNamesWithTheirProblems() throws Exception {
        addHash("no-such-bank-" + unique(), "{\"pdq\":\"" + "0".repeat(64) + "\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/bank-not-found"));
        String bank = createBank("BLOCK");
        mvc.perform(post("/api/v1/banks")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + bank + "\",\"action\":\"LOG\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/bank-name-taken"));
        mvc.perform(post("/api/v1/banks")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x-" + unique() + "\",\"action\":\"BLOCK\",\"maxDistance\":300}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("#/maxDistance"));
    }

    @Test
    void refusesUndecodableAndOversizeImages() throws Exception {
        checkImage("not an image at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/image-undecodable"))
                .andExpect(jsonPath("$.reason").value("unsupported-format"));
        checkImage(new byte[(int) UploadHashing.MAX_BYTES + 1])
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.type").value("/problems/payload-too-large"));
    }

    @Test
    void letsOnlyPlatformsCheckAndOnlyAdminsManageBanks() throws Exception {
        mvc.perform(post("/api/v1/checks")
                        .header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contentId\":\"c\",\"uploaderId\":\"u\",\"pdq\":\"" + "0".repeat(64) + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/banks")
                        .header("Authorization", platform)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"sneaky\",\"action\":\"LOG\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void importsAHashListOverHttpAndExportsIt() throws Exception {
        String bank = createBank("BLOCK");
        PdqHash hash = pdqOf(TestImages.png(TestImages.picture(15)));
        mvc.perform(post("/api/v1/banks/" + bank + "/import")
                        .param("format", "text")
                        .header("Authorization", admin)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("pdq " + hash.toHex() + "\nnonsense\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.rejectedLines[0]").value(2));
        checkHash(hash).andExpect(jsonPath("$.verdict").value("BLOCK"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/api/v1/banks/" + bank + "/export")
                        .param("format", "text")
                        .header("Authorization", admin))
                .andExpect(status().isOk())
                .andExpect(content().string("pdq " + hash.toHex() + "\n"));
    }

    /**
     * MockMvc skips the servlet container's multipart parsing, where the size limit is enforced;
     * this sends a body over that limit through a real connection.
     */
    @Test
    void answersAMultipartBodyOverTheLimitWithAProblemOverHttp() throws Exception {
        String boundary = "redress-" + unique();
        var body = new ByteArrayOutputStream();
        body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"big.png\"\r\n"
                                + "Content-Type: image/png\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[(int) UploadHashing.MAX_BYTES + 2 * 1024 * 1024]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        var request = HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/v1/checks?contentId=c-" + unique() + "&uploaderId=u-3"))
                .header("Authorization", platform)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        try (var client = HttpClient.newHttpClient()) {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"type\":\"/problems/payload-too-large\"");
        }
    }

    /** A multipart form field, as a browser or an HTTP client sends it: a part without a file name. */
    private static org.springframework.mock.web.MockPart formField(String name, String value) {
        return new org.springframework.mock.web.MockPart(name, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
