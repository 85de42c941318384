package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.redress.server.ServiceTest;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@ServiceTest
class IntakeApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    Identity identity;

    @Autowired
    TrustedFlaggers flaggers;

    @Autowired
    java.time.Clock clock;

    static String validReport(String locator) {
        return """
                {"reporterRole":"SUBJECT",
                 "declarations":{"intimateImage":true,"subjectOrAuthorised":true,"goodFaithAndTrue":true},
                 "signature":"Sam Sample",
                 "contentLocators":["%s"],
                 "contact":{"email":"sam@example.org"},
                 "subjectWasUnder18":false,
                 "description":"Shared without my consent"}
                """.formatted(locator);
    }

    static String unique() {
        return "https://platform.example/c/" + UUID.randomUUID();
    }

    private static MockHttpServletRequestBuilder postJson(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private int storedReports() {
        return jdbc.sql("SELECT COUNT(*) FROM intake_report")
                .query(Integer.class)
                .single();
    }

    private JsonNode submit(String body) throws Exception {
        String answer = mvc.perform(postJson("/api/v1/reports", body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(answer);
    }

    static Stream<Arguments> brokenReports() {
        String valid = validReport("id:broken");
        return Stream.of(
                Arguments.of(
                        "reporterRole missing", valid.replace("\"reporterRole\":\"SUBJECT\",", ""), "#/reporterRole"),
                Arguments.of("reporterRole unknown", valid.replace("\"SUBJECT\"", "\"NEIGHBOUR\""), "#/reporterRole"),
                Arguments.of(
                        "declarations missing", valid.replaceAll("\"declarations\":\\{[^}]*},", ""), "#/declarations"),
                Arguments.of(
                        "intimateImage false",
                        valid.replace("\"intimateImage\":true", "\"intimateImage\":false"),
                        "#/declarations/intimateImage"),
                Arguments.of(
                        "subjectOrAuthorised missing",
                        valid.replace("\"subjectOrAuthorised\":true,", ""),
                        "#/declarations/subjectOrAuthorised"),
                Arguments.of(
                        "goodFaithAndTrue false",
                        valid.replace("\"goodFaithAndTrue\":true", "\"goodFaithAndTrue\":false"),
                        "#/declarations/goodFaithAndTrue"),
                Arguments.of("signature missing", valid.replace("\"signature\":\"Sam Sample\",", ""), "#/signature"),
                Arguments.of("signature blank", valid.replace("\"Sam Sample\"", "\"   \""), "#/signature"),
                Arguments.of(
                        "signature too long",
                        valid.replace("\"Sam Sample\"", "\"" + "x".repeat(201) + "\""),
                        "#/signature"),
                Arguments.of(
                        "contentLocators missing",
                        valid.replace("\"contentLocators\":[\"id:broken\"],", ""),
                        "#/contentLocators"),
                Arguments.of("contentLocators empty", valid.replace("[\"id:broken\"]", "[]"), "#/contentLocators"),
                Arguments.of(
                        "contentLocator blank", valid.replace("[\"id:broken\"]", "[\" \"]"), "#/contentLocators[0]"),
                Arguments.of("email malformed", valid.replace("sam@example.org", "not an address"), "#/contact/email"),
                Arguments.of(
                        "subjectWasUnder18 missing",
                        valid.replace("\"subjectWasUnder18\":false,", ""),
                        "#/subjectWasUnder18"),
                Arguments.of(
                        "description too long",
                        valid.replace("Shared without my consent", "y".repeat(5001)),
                        "#/description"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenReports")
    void rejectsAReportWithAMissingOrMalformedFieldAndStoresNothing(String name, String body, String pointer)
            throws Exception {
        int before = storedReports();
        String answer = mvc.perform(postJson("/api/v1/reports", body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].pointer").value(pointer))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(answer).doesNotContain("sam@example.org").doesNotContain("Sam Sample");
        assertThat(storedReports()).isEqualTo(before);
    }

    @Test
    void rejectsMalformedJsonAndAWrongTypeAndStoresNothing() throws Exception {
        int before = storedReports();
        mvc.perform(postJson("/api/v1/reports", "{\"reporterRole\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"));
        mvc.perform(postJson(
                        "/api/v1/reports",
                        validReport("id:x").replace("\"subjectWasUnder18\":false", "\"subjectWasUnder18\":\"maybe\"")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/reports").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType());
        assertThat(storedReports()).isEqualTo(before);
    }

    @Test
    void answersAValidReportWithAReceiptAnd48HourDeadline() throws Exception {
        JsonNode receipt = submit(validReport(unique()));
        assertThat(receipt.get("caseRef").asString()).matches("RD-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}");
        assertThat(receipt.get("statusToken").asString()).hasSize(43);
        Instant received = Instant.parse(receipt.get("receivedAt").asString());
        Instant deadline = Instant.parse(receipt.get("removalDeadline").asString());
        assertThat(Duration.between(received, deadline)).isEqualTo(Duration.ofHours(48));
        assertThat(receipt.get("route").asString()).isEqualTo("INTIMATE_IMAGE");
    }

    @Test
    void showsTheHolderTheirCaseHistory() throws Exception {
        JsonNode receipt = submit(validReport(unique()));
        mvc.perform(get("/api/v1/reports/" + receipt.get("caseRef").asString())
                        .header("X-Case-Token", receipt.get("statusToken").asString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("OPEN"))
                .andExpect(jsonPath("$.history[0].what").value("REPORT_RECEIVED"))
                .andExpect(jsonPath("$.history[0].at")
                        .value(receipt.get("receivedAt").asString()));
    }

    @Test
    void answersAnUnknownReferenceAndAWrongTokenAlike() throws Exception {
        JsonNode receipt = submit(validReport(unique()));
        String caseRef = receipt.get("caseRef").asString();
        String token = receipt.get("statusToken").asString();
        String wrongToken = mvc.perform(
                        get("/api/v1/reports/" + caseRef).header("X-Case-Token", token.substring(1) + "A"))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String unknownRef = mvc.perform(get("/api/v1/reports/RD-2222-2222-2222").header("X-Case-Token", token))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String noToken = mvc.perform(get("/api/v1/reports/" + caseRef))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String malformedRef = mvc.perform(get("/api/v1/reports/not a ref").header("X-Case-Token", token))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(withoutInstance(wrongToken))
                .isEqualTo(withoutInstance(unknownRef))
                .isEqualTo(withoutInstance(noToken))
                .isEqualTo(withoutInstance(malformedRef))
                .contains("/problems/case-not-found");
    }

    private String withoutInstance(String problem) {
        var node = (tools.jackson.databind.node.ObjectNode) json.readTree(problem);
        node.remove("instance");
        return node.toString();
    }

    @Test
    void neverShowsTheTokenAgainNorAnotherReportersDetails() throws Exception {
        String locator = unique();
        JsonNode first = submit(validReport(locator));
        JsonNode second = submit(validReport(locator)
                .replace("Sam Sample", "Robin Roe")
                .replace("sam@example.org", "robin@example.org"));
        assertThat(second.get("caseRef").asString())
                .isNotEqualTo(first.get("caseRef").asString());
        String status = mvc.perform(
                        get("/api/v1/reports/" + first.get("caseRef").asString())
                                .header("X-Case-Token", first.get("statusToken").asString()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(status)
                .doesNotContain(first.get("statusToken").asString())
                .doesNotContain(second.get("statusToken").asString())
                .doesNotContain("robin")
                .doesNotContain("Robin");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_report WHERE token_hash = :t")
                        .param("t", first.get("statusToken").asString())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void mergesReportsAboutTheSameContentAndKeepsEachReceipt() throws Exception {
        String locator = unique();
        JsonNode first = submit(validReport(locator));
        JsonNode second =
                submit(validReport(locator.replace("https://platform.example", "HTTPS://PLATFORM.EXAMPLE") + "#frag"));
        // One case for review, but each reporter holds a reference of their own.
        assertThat(second.get("caseRef").asString())
                .isNotEqualTo(first.get("caseRef").asString());
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT case_ref) FROM intake_report WHERE public_ref IN (:a, :b)")
                        .param("a", first.get("caseRef").asString())
                        .param("b", second.get("caseRef").asString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(second.get("statusToken").asString())
                .isNotEqualTo(first.get("statusToken").asString());
        for (JsonNode receipt : new JsonNode[] {first, second}) {
            mvc.perform(get("/api/v1/reports/" + receipt.get("caseRef").asString())
                            .header("X-Case-Token", receipt.get("statusToken").asString()))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void returnsTheOriginalAnswerToARetryWithTheSameIdempotencyKey() throws Exception {
        String body = validReport(unique());
        String key = UUID.randomUUID().toString();
        int before = storedReports();
        String first = mvc.perform(postJson("/api/v1/reports", body).header("Idempotency-Key", key))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String retry = mvc.perform(postJson("/api/v1/reports", body).header("Idempotency-Key", key))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(retry).isEqualTo(first);
        assertThat(storedReports()).isEqualTo(before + 1);
        mvc.perform(postJson("/api/v1/reports", validReport(unique())).header("Idempotency-Key", key))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/idempotency-key-reused"));
        assertThat(storedReports()).isEqualTo(before + 1);
    }

    @Test
    void routesAReportAboutAChildToChildProtectionAndSignpostsTakeItDown() throws Exception {
        JsonNode receipt =
                submit(validReport(unique()).replace("\"subjectWasUnder18\":false", "\"subjectWasUnder18\":true"));
        assertThat(receipt.get("route").asString()).isEqualTo("CHILD_PROTECTION");
        assertThat(receipt.get("support").toString()).contains("takeitdown.ncmec.org");
        var caseRef = receipt.get("caseRef").asString();
        assertThat(jdbc.sql("SELECT route FROM intake_case WHERE case_ref = :c")
                        .param("c", caseRef)
                        .query(String.class)
                        .single())
                .isEqualTo("CHILD_PROTECTION");
        assertThat(jdbc.sql("SELECT state FROM intake_referral WHERE case_ref = :c")
                        .param("c", caseRef)
                        .query(String.class)
                        .single())
                .isEqualTo("OPEN");
    }

    @Test
    void acceptsHashesAndRefusesImageBytes() throws Exception {
        String hashes = """
                {"hashes":[{"pdq":"%s","quality":90,"md5":"%s","sha256":"%s"}],
                 "declarations":{"subjectOrAuthorised":true,"goodFaithAndTrue":true}}
                """.formatted("ab".repeat(32), "cd".repeat(16), "ef".repeat(32));
        mvc.perform(postJson("/api/v1/hash-submissions", hashes))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.caseRef").exists())
                .andExpect(jsonPath("$.statusToken").exists());
        mvc.perform(postJson(
                        "/api/v1/hash-submissions",
                        hashes.replace("\"quality\":90,", "\"quality\":90,\"image\":\"iVBORw0KGgo=\",")))
                .andExpect(status().isBadRequest());
        mvc.perform(postJson(
                        "/api/v1/hash-submissions",
                        hashes.replace("\"hashes\":", "\"image\":\"iVBORw0KGgo=\",\"hashes\":")))
                .andExpect(status().isBadRequest());
        mvc.perform(postJson("/api/v1/hash-submissions", hashes.replace("ab".repeat(32), "zz")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("#/hashes[0]/pdq"));
        mvc.perform(postJson(
                        "/api/v1/hash-submissions",
                        hashes.replace("\"goodFaithAndTrue\":true", "\"goodFaithAndTrue\":false")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/hash-submissions")
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .content("--x--"))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void acceptsTheEightDihedralHashesOfAnImageAndNoMore() throws Exception {
        String eight = String.join(
                ",",
                java.util.stream.IntStream.range(0, 8)
                        .mapToObj(i -> "\"" + ("0" + i).repeat(32) + "\"")
                        .toList());
        String hashes = """
                {"hashes":[{"pdq":"%s","quality":90,"dihedral":[%s]}],
                 "declarations":{"subjectOrAuthorised":true,"goodFaithAndTrue":true}}
                """.formatted("ab".repeat(32), eight);
        mvc.perform(postJson("/api/v1/hash-submissions", hashes)).andExpect(status().isCreated());
        mvc.perform(postJson("/api/v1/hash-submissions", hashes.replace("]}]", ",\"" + "09".repeat(32) + "\"]}]")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("#/hashes[0]/dihedral"));
        mvc.perform(postJson("/api/v1/hash-submissions", hashes.replace("07".repeat(32), "zz")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void acceptsAllTwentyTwoFramingHashesOfAnImageOrNone() throws Exception {
        java.util.function.IntFunction<String> framings = count -> String.join(
                ",",
                java.util.stream.IntStream.range(10, 10 + count)
                        .mapToObj(i -> "\"" + String.valueOf(i).repeat(32) + "\"")
                        .toList());
        String hashes = """
                {"hashes":[{"pdq":"%s","quality":90,"framings":[%s]}],
                 "declarations":{"subjectOrAuthorised":true,"goodFaithAndTrue":true}}
                """;
        mvc.perform(postJson("/api/v1/hash-submissions", hashes.formatted("cd".repeat(32), framings.apply(22))))
                .andExpect(status().isCreated());
        mvc.perform(postJson("/api/v1/hash-submissions", hashes.formatted("ce".repeat(32), framings.apply(21))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("#/hashes[0]/framings"));
        mvc.perform(postJson(
                        "/api/v1/hash-submissions",
                        hashes.formatted("cf".repeat(32), framings.apply(22)).replace("12".repeat(32), "zz")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void letsTheHolderWithdrawStopMessagesAndComplain() throws Exception {
        JsonNode receipt = submit(validReport(unique()));
        String path = "/api/v1/reports/" + receipt.get("caseRef").asString();
        String token = receipt.get("statusToken").asString();
        mvc.perform(post(path + "/message-opt-out").header("X-Case-Token", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messagesStopped").value(true));
        mvc.perform(postJson(path + "/complaints", "{\"text\":\"No answer yet\"}")
                        .header("X-Case-Token", token))
                .andExpect(status().isCreated());
        mvc.perform(post(path + "/withdrawal").header("X-Case-Token", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("WITHDRAWN"))
                .andExpect(jsonPath("$.history[*].what")
                        .value(org.hamcrest.Matchers.contains(
                                "REPORT_RECEIVED",
                                "MESSAGES_STOPPED",
                                "COMPLAINT_RECEIVED",
                                "REPORT_WITHDRAWN",
                                "CASE_WITHDRAWN")));
        mvc.perform(post(path + "/withdrawal").header("X-Case-Token", "wrong")).andExpect(status().isNotFound());
    }

    @Test
    void takesAComplaintFromTheTokenHolderOnlyAndNeverEchoesIt() throws Exception {
        JsonNode receipt = submit(validReport(unique()));
        String ref = receipt.get("caseRef").asString();
        String path = "/api/v1/reports/" + ref + "/complaints";
        String token = receipt.get("statusToken").asString();
        var count = jdbc.sql("SELECT COUNT(*) FROM intake_complaint WHERE case_ref = :ref")
                .param("ref", ref)
                .query(Integer.class);

        String answer = mvc.perform(
                        postJson(path, "{\"text\":\"The image is still up\"}").header("X-Case-Token", token))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.complaintId").isNotEmpty())
                .andExpect(jsonPath("$.receivedAt").exists())
                .andExpect(
                        jsonPath("$.status.history[*].what").value(org.hamcrest.Matchers.hasItem("COMPLAINT_RECEIVED")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(answer).doesNotContain("still up");
        assertThat(count.single()).isEqualTo(1);

        String wrongToken = mvc.perform(
                        postJson(path, "{\"text\":\"The image is still up\"}").header("X-Case-Token", "wrong"))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String unknownRef = mvc.perform(
                        postJson("/api/v1/reports/RD-2222-3333-4444/complaints", "{\"text\":\"The image is still up\"}")
                                .header("X-Case-Token", token))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(wrongToken.replace(ref, "REF")).isEqualTo(unknownRef.replace("RD-2222-3333-4444", "REF"));
        mvc.perform(postJson(path, "{\"text\":\"  \"}").header("X-Case-Token", token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("#/text"));
        mvc.perform(postJson(path, "{\"text\":\"" + "x".repeat(4_001) + "\"}").header("X-Case-Token", token))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("xxxx"))));
        mvc.perform(postJson(path, "{}").header("X-Case-Token", token)).andExpect(status().isBadRequest());
        assertThat(count.single()).isEqualTo(1);
    }

    @Test
    void servesEveryPublicPageWithTheSharedHead() throws Exception {
        for (String page : new String[] {"/report", "/protect", "/status/RD-2222-3333-4444?t=wrong"}) {
            String html = mvc.perform(get(page)).andReturn().getResponse().getContentAsString();
            assertThat(html)
                    .as(page)
                    .contains(
                            "<meta charset=\"utf-8\">",
                            "<meta name=\"referrer\" content=\"no-referrer\">",
                            "/css/intake.css",
                            "/js/intake/quick-exit.js");
            assertThat(html.split("<title>", -1)).as(page + ": one title").hasSize(2);
            assertThat(html.indexOf("</head>")).as(page).isGreaterThan(html.indexOf("quick-exit.js"));
        }
        String protect = mvc.perform(get("/protect")).andReturn().getResponse().getContentAsString();
        assertThat(protect.substring(0, protect.indexOf("</head>")))
                .contains(
                        "<title>Protect your images · Redress</title>",
                        "/js/pdq.js",
                        "/js/md5.js",
                        "/js/intake/protect.js");
    }

    @Test
    void refusesABodyOverTheSizeLimitAndStoresNothing() throws Exception {
        int before = storedReports();
        mvc.perform(postJson(
                        "/api/v1/reports",
                        validReport(unique()).replace("Shared without my consent", "z".repeat(70_000))))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.type").value("/problems/payload-too-large"));
        assertThat(storedReports()).isEqualTo(before);
    }

    @Test
    void prioritisesFlaggersAndGivesRegulatorNoticesA24HourDeadline() throws Exception {
        var flagger = RegisteredFlagger.register(
                        identity,
                        flaggers,
                        "Helpline " + unique(),
                        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                        null)
                .key();
        String locator = unique();
        mvc.perform(postJson("/api/v1/flagger/reports", validReport(locator))
                        .header("Authorization", "Bearer " + flagger.secret()))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("SELECT c.priority FROM intake_case c JOIN intake_content t ON t.case_ref "
                                + "= c.case_ref WHERE t.locator = :l")
                        .param("l", locator)
                        .query(String.class)
                        .single())
                .isEqualTo("FLAGGER");
        mvc.perform(postJson("/api/v1/flagger/reports", validReport(unique()))).andExpect(status().isUnauthorized());

        var compliance = identity.createUser(
                new Actor.Operator("test"),
                org.redress.server.identity.Username.of(
                        "compliance-" + UUID.randomUUID().toString().substring(0, 8)),
                Role.COMPLIANCE,
                true);
        String answer = mvc.perform(postJson("/api/v1/regulator-notices", validReport(unique()))
                        .header(
                                "Authorization",
                                "Bearer " + compliance.apiKey().orElseThrow().secret()))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode receipt = json.readTree(answer);
        assertThat(Duration.between(
                        Instant.parse(receipt.get("receivedAt").asString()),
                        Instant.parse(receipt.get("removalDeadline").asString())))
                .isEqualTo(Duration.ofHours(24));
        mvc.perform(postJson("/api/v1/regulator-notices", validReport(unique()))
                        .header("Authorization", "Bearer " + flagger.secret()))
                .andExpect(status().isForbidden());
    }
}
