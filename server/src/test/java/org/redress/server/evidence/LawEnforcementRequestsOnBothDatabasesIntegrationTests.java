package org.redress.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.TestDatabase;
import org.redress.server.audit.AuditEntry;
import org.redress.server.audit.AuditTrail;
import org.redress.server.cli.EvidenceService;
import org.redress.server.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A law-enforcement request from record to hand-over on each database, over real HTTP: recorded by
 * one compliance officer with the officer's contact and crime reference sealed at rest, refused to
 * its recorder's own approval (four eyes), approved by another, its bundle exported (naming the
 * request, carrying the reporter's consented police-share request and crime reference) and audited,
 * and handed over against the manifest exported; every step in its chain of custody. Roles other
 * than compliance can neither record, decide nor export; auditors may list without sealed fields.
 */
class LawEnforcementRequestsOnBothDatabasesIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<Role> NOT_COMPLIANCE =
            List.of(Role.MODERATOR, Role.SENIOR_MODERATOR, Role.ADMIN, Role.AUDITOR, Role.PLATFORM, Role.FLAGGER);

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void takesARequestFromRecordToHandOverWithItsChainOfCustody(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var service = new EvidenceService(database)) {
            String content = "post-" + UUID.randomUUID();
            service.checkImage(content, "uploader-le", png(37));
            String caseRef = service.report(content);
            service.askPoliceShare(caseRef, "MET/2026/777001");
            String second = service.staffKey("compliance-two", Role.COMPLIANCE);

            String typed = """
                    {"agency":"Metropolitan Police","officer":"DC Jo Bloggs, 020 7230 1212",
                     "crimeReference":"CRIS-4242-XYZ","legalBasis":"Data Protection Act 2018 Sch 2 para 2",
                     "deadline":"2027-01-15T17:00:00Z","scope":["%s"]}""".formatted(caseRef);
            for (Role role : NOT_COMPLIANCE) {
                assertThat(service.send("POST", "/api/v1/evidence/requests", role, typed)
                                .status())
                        .as(role.name())
                        .isEqualTo(403);
            }
            assertThat(service.send("POST", "/api/v1/evidence/requests", Role.COMPLIANCE, "{\"agency\":\"x\"}")
                            .status())
                    .isEqualTo(422);
            EvidenceService.Answer recorded = service.send("POST", "/api/v1/evidence/requests", Role.COMPLIANCE, typed);
            assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
            String id = recorded.json().get("id").asString();
            assertThat(recorded.json().get("state").asString()).isEqualTo("AWAITING_DECISION");
            sealedAtRest(service, id);

            String requestPath = "/api/v1/evidence/requests/" + id;
            assertThat(service.send("POST", requestPath + "/bundle", Role.COMPLIANCE, "")
                            .status())
                    .as("nothing is exported before approval")
                    .isEqualTo(409);
            EvidenceService.Answer ownApproval =
                    service.send("POST", requestPath + "/approval", Role.COMPLIANCE, "{\"reason\":\"basis checked\"}");
            assertThat(ownApproval.status()).isEqualTo(403);
            assertThat(ownApproval.text()).contains("evidence-request-four-eyes");
            for (Role role : NOT_COMPLIANCE) {
                assertThat(service.send("POST", requestPath + "/approval", role, "{\"reason\":\"ok\"}")
                                .status())
                        .as(role.name())
                        .isEqualTo(403);
            }
            EvidenceService.Answer approved = service.sendWithKey(
                    "POST", requestPath + "/approval", second, "{\"reason\":\"Basis and scope fit\"}");
            assertThat(approved.status()).as(approved.text()).isEqualTo(200);
            assertThat(approved.json().get("state").asString()).isEqualTo("APPROVED");
            assertThat(service.sendWithKey("POST", requestPath + "/refusal", second, "{\"reason\":\"no\"}")
                            .status())
                    .as("a request is decided once")
                    .isEqualTo(409);

            for (Role role : NOT_COMPLIANCE) {
                assertThat(service.send("POST", requestPath + "/bundle", role, "")
                                .status())
                        .as(role.name())
                        .isEqualTo(403);
            }
            EvidenceService.Answer exported = service.send("POST", requestPath + "/bundle", Role.COMPLIANCE, "");
            assertThat(exported.status()).as(exported.text()).isEqualTo(200);
            String manifestSha256 = exported.response()
                    .headers()
                    .firstValue("Redress-Manifest-SHA256")
                    .orElseThrow();
            bundleNamesTheRequestAndCarriesTheConsentedReference(unzip(exported.body()), id, caseRef);
            exportIsAudited(service, id, manifestSha256);

            EvidenceService.Answer wrongManifest = service.send(
                    "POST",
                    requestPath + "/hand-over",
                    Role.COMPLIANCE,
                    "{\"manifestSha256\":\"" + "0".repeat(64) + "\",\"how\":\"DELIVERED\",\"note\":\"by hand\"}");
            assertThat(wrongManifest.status()).isEqualTo(422);
            EvidenceService.Answer handedOver = service.send(
                    "POST",
                    requestPath + "/hand-over",
                    Role.COMPLIANCE,
                    "{\"manifestSha256\":\"" + manifestSha256
                            + "\",\"how\":\"COLLECTED\",\"note\":\"Collected on USB by DC Bloggs, seal 0042\"}");
            assertThat(handedOver.status()).as(handedOver.text()).isEqualTo(200);
            JsonNode request = handedOver.json();
            assertThat(request.get("state").asString()).isEqualTo("HANDED_OVER");
            assertThat(steps(request)).containsExactly("RECORDED", "APPROVED", "EXPORTED", "COLLECTED");
            assertThat(request.get("steps").get(2).get("manifestSha256").asString())
                    .isEqualTo(manifestSha256);
            assertThat(request.get("steps").get(3).get("manifestSha256").asString())
                    .isEqualTo(manifestSha256);
            assertThat(request.get("steps").get(1).get("actor").asString()).isEqualTo("STAFF:compliance-two");

            auditorsListWithoutSealedFields(service, id);
        }
    }

    private static void sealedAtRest(EvidenceService service, String id) {
        Map<String, Object> row = service.bean(JdbcClient.class)
                .sql("SELECT officer, crime_reference FROM evidence_request WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(row.values().toString()).doesNotContain("Bloggs").doesNotContain("CRIS-4242");
    }

    private static void bundleNamesTheRequestAndCarriesTheConsentedReference(
            Map<String, byte[]> files, String id, String caseRef) {
        JsonNode manifest = JSON.readTree(files.get("manifest.json"));
        assertThat(manifest.get("lawEnforcementRequest").asString()).isEqualTo(id);
        assertThat(manifest.get("reason").asString()).contains(id);
        JsonNode request = JSON.readTree(files.get("request.json"));
        assertThat(request.get("crimeReference").asString()).isEqualTo("CRIS-4242-XYZ");
        assertThat(steps(request)).containsExactly("RECORDED", "APPROVED");
        JsonNode share = JSON.readTree(files.get("cases/" + caseRef + "/police-share.json"));
        assertThat(share.get("reporterConsented").asBoolean()).isTrue();
        assertThat(share.get("requests").get(0).get("crimeReference").asString())
                .isEqualTo("MET/2026/777001");
        assertThat(new String(files.get("cases/" + caseRef + "/reports.json"), StandardCharsets.UTF_8))
                .as("the reporter's contact stays out")
                .doesNotContain("sam@example.org");
    }

    private static void exportIsAudited(EvidenceService service, String id, String manifestSha256) {
        List<AuditEntry> entries = service.bean(AuditTrail.class).about(Set.of("sha256:" + manifestSha256, id));
        assertThat(entries)
                .extracting(AuditEntry::action)
                .contains(
                        "evidence.exported",
                        "evidence.request-recorded",
                        "evidence.request-approved",
                        "evidence.request-exported");
        assertThat(entries)
                .filteredOn(e -> e.action().equals("evidence.exported"))
                .singleElement()
                .satisfies(e -> assertThat(e.actorId()).isEqualTo("compliance-user"));
        String reason = service.bean(JdbcClient.class)
                .sql("SELECT reason FROM evidence_export WHERE request_id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(reason).contains(id);
    }

    private static void auditorsListWithoutSealedFields(EvidenceService service, String id) throws Exception {
        EvidenceService.Answer listed = service.send("GET", "/api/v1/evidence/requests", Role.AUDITOR, "");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.text()).contains(id).doesNotContain("Bloggs").doesNotContain("CRIS-4242");
        assertThat(service.send("GET", "/api/v1/evidence/requests/" + id, Role.AUDITOR, "")
                        .status())
                .isEqualTo(403);
        assertThat(service.send("GET", "/api/v1/evidence/requests/" + id, Role.MODERATOR, "")
                        .status())
                .isEqualTo(403);
    }

    private static List<String> steps(JsonNode request) {
        var kinds = new java.util.ArrayList<String>();
        request.get("steps").forEach(step -> kinds.add(step.get("kind").asString()));
        return kinds;
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        var files = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    /** A small image that differs with the seed, so each test's uploads are distinct. */
    static byte[] png(int seed) throws Exception {
        var image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        var random = new java.util.Random(seed);
        for (int y = 0; y < 64; y += 8) {
            for (int x = 0; x < 64; x += 8) {
                int rgb = random.nextInt(0xFFFFFF);
                for (int dy = 0; dy < 8; dy++) {
                    for (int dx = 0; dx < 8; dx++) {
                        image.setRGB(x + dx, y + dy, rgb);
                    }
                }
            }
        }
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
