package org.redress.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.TestDatabase;
import org.redress.server.audit.AuditTrail;
import org.redress.server.identity.Role;
import org.redress.server.media.Media;
import org.redress.server.shared.ContentId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16's evidence path end to end on each database, over real HTTP: an upload checked with its
 * image, a report, a moderator's removal acknowledged by the platform; a legal hold that keeps the
 * case's image through the retention sweep while an unheld image of the same age is purged; the
 * bundle exported by compliance staff only, with a reason, and audited; {@code redress evidence
 * verify} accepting it, naming each file or the manifest when one byte of it is flipped, and
 * refusing a bundle signed with another key; and the README's openssl command accepting the
 * signature. On SQLite, {@code redress evidence export} writes a bundle that verifies too.
 */
class EvidenceEndToEndIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Run(int status, String out, String err) {}

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void exportsAVerifiableBundleOfARemovalAndKeepsHeldContent(
            TestDatabase.Vendor vendor, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String caseRef;
        byte[] picture = png(picture(16));
        try (var database = TestDatabase.create(vendor)) {
            try (var service = new EvidenceService(database)) {
                String content = "post-" + UUID.randomUUID();
                service.checkImage(content, "uploader-evidence", picture);
                caseRef = service.report(content);
                service.remove(caseRef);

                String kept = "kept-" + UUID.randomUUID();
                service.checkImage(kept, "uploader-kept", png(picture(61)));
                String keptCase = service.report(kept);
                String purged = "purged-" + UUID.randomUUID();
                service.checkImage(purged, "uploader-purged", png(picture(83)));
                String purgedCase = service.report(purged);
                holdsOnlyForCompliance(service, keptCase);
                service.dismiss(keptCase);
                service.dismiss(purgedCase);
                heldContentSurvivesTheSweep(service, keptCase, kept, purged);

                signingKeyIsSealedAtRest(service);
                Path publicKey = dir.resolve("operator-key.pem");
                EvidenceService.Answer key = service.send("GET", "/api/v1/evidence/public-key", null, "");
                assertThat(key.status()).isEqualTo(200);
                Files.write(publicKey, key.body());

                exportsOnlyForComplianceWithAReason(service, caseRef);
                EvidenceService.Answer exported = service.send(
                        "POST",
                        "/api/v1/evidence/cases/" + caseRef + "/bundle",
                        Role.COMPLIANCE,
                        "{\"reason\":\"Police request CR-2026-0042\"}");
                assertThat(exported.status()).as(exported.text()).isEqualTo(200);
                assertThat(exported.response().headers().firstValue("Content-Type"))
                        .hasValue("application/zip");
                String manifestSha256 = exported.response()
                        .headers()
                        .firstValue("Redress-Manifest-SHA256")
                        .orElseThrow();
                Path bundle = dir.resolve("bundle.zip");
                Files.write(bundle, exported.body());

                Map<String, byte[]> files = unzip(exported.body());
                bundleHoldsTheCase(files, caseRef, content, picture);
                exportIsAuditedAndRecorded(service, caseRef, manifestSha256, files.get("manifest.json"));
                verifiesAndNamesWhatWasAltered(bundle, publicKey, files, dir);
                opensslAcceptsTheSignature(files, publicKey, dir);

                EvidenceService.Answer second = service.send(
                        "POST",
                        "/api/v1/evidence/cases/" + caseRef + "/bundle",
                        Role.COMPLIANCE,
                        "{\"reason\":\"Court order 7\"}");
                assertThat(new String(unzip(second.body()).get("custody.json"), StandardCharsets.UTF_8))
                        .as("the second bundle lists the first export")
                        .contains(manifestSha256)
                        .contains("Police request CR-2026-0042");
            }
            if (vendor == TestDatabase.Vendor.SQLITE) {
                Path fromCli = dir.resolve("cli.zip");
                Run export = run(
                        "evidence",
                        "export",
                        "--case",
                        caseRef,
                        "--out",
                        fromCli.toString(),
                        "--data",
                        database.dataDirectory().toString());
                assertThat(export.status()).as(export.err()).isZero();
                assertThat(export.out()).containsPattern("manifest-sha256: [0-9a-f]{64}");
                Run key = run(
                        "evidence",
                        "public-key",
                        "--data",
                        database.dataDirectory().toString());
                assertThat(key.status()).as(key.err()).isZero();
                assertThat(key.out()).isEqualTo(Files.readString(dir.resolve("operator-key.pem")));
                Run verified = run(
                        "evidence",
                        "verify",
                        fromCli.toString(),
                        "--public-key",
                        dir.resolve("operator-key.pem").toString());
                assertThat(verified.status()).as(verified.out()).isZero();
                assertThat(verified.out()).isEqualTo("ok\n");
            }
        }
    }

    private static void holdsOnlyForCompliance(EvidenceService service, String caseRef) throws Exception {
        String path = "/api/v1/evidence/cases/" + caseRef + "/hold";
        for (Role role : Role.values()) {
            if (role != Role.COMPLIANCE) {
                assertThat(service.send("POST", path, role, "{\"reason\":\"x\"}")
                                .status())
                        .as(role.name())
                        .isEqualTo(403);
            }
        }
        assertThat(service.send("POST", path, null, "{\"reason\":\"x\"}").status())
                .isEqualTo(401);
        EvidenceService.Answer held =
                service.send("POST", path, Role.COMPLIANCE, "{\"reason\":\"Police preservation request P-9\"}");
        assertThat(held.status()).as(held.text()).isEqualTo(200);
        assertThat(held.json().get("held").asBoolean()).isTrue();
        assertThat(held.json().get("heldBy").asString()).isEqualTo("STAFF:compliance-user");
        assertThat(service.bean(AuditTrail.class).about(Set.of(caseRef))).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("evidence.case-held");
            assertThat(entry.actorId()).isEqualTo("compliance-user");
        });
    }

    /**
     * Both cases closed without action, so review no longer holds their images, and both images are
     * past their one-second retention: the sweep deletes the one whose case is not under a legal
     * hold, and the other once the hold is lifted.
     */
    private static void heldContentSurvivesTheSweep(
            EvidenceService service, String heldCase, String held, String unheld) throws Exception {
        Media media = service.bean(Media.class);
        assertThat(media.forContent(new ContentId(held))).isNotEmpty().noneMatch(m -> m.held());
        assertThat(media.forContent(new ContentId(unheld))).isNotEmpty().noneMatch(m -> m.held());
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> java.util.stream.Stream.of(held, unheld)
                        .flatMap(id -> media.forContent(new ContentId(id)).stream())
                        .allMatch(m -> m.expiresAt().isBefore(java.time.Instant.now())));
        media.purgeExpired();
        assertThat(media.forContent(new ContentId(held))).as("held").isNotEmpty();
        assertThat(media.forContent(new ContentId(unheld)))
                .as("not held, same age")
                .isEmpty();

        String path = "/api/v1/evidence/cases/" + heldCase + "/hold";
        assertThat(service.send("DELETE", path, Role.MODERATOR, "").status()).isEqualTo(403);
        EvidenceService.Answer lifted = service.send("DELETE", path, Role.COMPLIANCE, "");
        assertThat(lifted.status()).as(lifted.text()).isEqualTo(200);
        assertThat(service.send("GET", path, Role.AUDITOR, "")
                        .json()
                        .get("held")
                        .asBoolean())
                .isFalse();
        media.purgeExpired();
        assertThat(media.forContent(new ContentId(held))).as("hold lifted").isEmpty();
        assertThat(service.bean(AuditTrail.class).about(Set.of(heldCase)))
                .anySatisfy(entry -> assertThat(entry.action()).isEqualTo("evidence.case-released"));
    }

    /** The private half is stored sealed with the data key, never as the PKCS#8 it is. */
    private static void signingKeyIsSealedAtRest(EvidenceService service) {
        var jdbc = service.bean(org.springframework.jdbc.core.simple.JdbcClient.class);
        String publicPem =
                service.bean(org.redress.server.evidence.Evidence.class).publicKeyPem();
        List<String> stored = jdbc.sql("SELECT private_key FROM evidence_signing_key")
                .query(String.class)
                .list();
        assertThat(stored).singleElement().satisfies(value -> {
            assertThat(value).startsWith("v1:");
            assertThat(value).doesNotContain("MC4CAQAwBQYDK2Vw"); // the PKCS#8 prefix of every Ed25519 key
        });
        assertThat(service.bean(org.redress.server.evidence.Evidence.class).publicKeyPem())
                .as("the same key on every use")
                .isEqualTo(publicPem);
    }

    private static void exportsOnlyForComplianceWithAReason(EvidenceService service, String caseRef) throws Exception {
        String path = "/api/v1/evidence/cases/" + caseRef + "/bundle";
        for (Role role : Role.values()) {
            if (role != Role.COMPLIANCE) {
                assertThat(service.send("POST", path, role, "{\"reason\":\"x\"}")
                                .status())
                        .as(role.name())
                        .isEqualTo(403);
            }
        }
        assertThat(service.send("POST", path, null, "{\"reason\":\"x\"}").status())
                .isEqualTo(401);
        EvidenceService.Answer noReason = service.send("POST", path, Role.COMPLIANCE, "{\"reason\":\"  \"}");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("type").asString()).endsWith("/problems/evidence-reason-invalid");
        assertThat(service.send("POST", path, Role.COMPLIANCE, "{}").status()).isEqualTo(422);
        assertThat(service.send(
                                "POST",
                                "/api/v1/evidence/cases/RDR-0000-0000/bundle",
                                Role.COMPLIANCE,
                                "{\"reason\":\"x\"}")
                        .status())
                .isEqualTo(404);
        assertThat(service.send("GET", "/api/v1/evidence/cases/" + caseRef + "/exports", Role.COMPLIANCE, "")
                        .json())
                .as("refused and failed attempts export nothing")
                .isEmpty();
    }

    private static void bundleHoldsTheCase(Map<String, byte[]> files, String caseRef, String content, byte[] picture) {
        String dir = "cases/" + caseRef + "/";
        assertThat(files)
                .containsKeys(
                        "README.txt",
                        "manifest.json",
                        "manifest.sig",
                        "signing-key.pem",
                        "content/hashes.json",
                        "audit/entries.json",
                        "audit/chain.json",
                        "custody.json",
                        dir + "case.json",
                        dir + "reports.json",
                        dir + "decisions.json",
                        dir + "deliveries.json",
                        dir + "history.json");
        assertThat(files.entrySet()).as("the image as received").anySatisfy(file -> {
            assertThat(file.getKey()).startsWith("content/").endsWith(".png");
            assertThat(file.getValue()).isEqualTo(picture);
        });
        JsonNode hashes = JSON.readTree(files.get("content/hashes.json"));
        assertThat(hashes.get(0).get("contentId").asString()).isEqualTo(content);
        assertThat(hashes.get(0).get("sha256").asString()).isEqualTo(sha256(picture));
        assertThat(hashes.get(0).get("md5").asString()).hasSize(32);
        assertThat(hashes.get(0).get("pdq").asString()).hasSize(64);
        assertThat(hashes.get(0).get("heldForReview").asBoolean())
                .as("review keeps removed content")
                .isTrue();
        assertThat(hashes.get(0).get("legalHold").asBoolean()).isFalse();
        String reports = new String(files.get(dir + "reports.json"), StandardCharsets.UTF_8);
        assertThat(reports).contains("My ex posted this").doesNotContain("sam@example.org");
        assertThat(new String(files.get("README.txt"), StandardCharsets.UTF_8)).contains("no contact is included");
        JsonNode decisions = JSON.readTree(files.get(dir + "decisions.json"));
        assertThat(decisions.get(0).get("outcome").asString()).isEqualTo("REMOVE");
        assertThat(decisions.get(0).get("statementOfReasons").asString()).contains("legalGround");
        JsonNode deliveries = JSON.readTree(files.get(dir + "deliveries.json"));
        assertThat(deliveries.get(0).get("state").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(deliveries.get(0).get("lastStatus").asInt()).isEqualTo(204);
        JsonNode caseFile = JSON.readTree(files.get(dir + "case.json"));
        assertThat(caseFile.get("contents").get(0).get("uploaderPseudonym").asString())
                .startsWith("u1:");
        assertThat(new String(files.get(dir + "case.json"), StandardCharsets.UTF_8))
                .doesNotContain("uploader-evidence");
        JsonNode audit = JSON.readTree(files.get("audit/entries.json"));
        assertThat(audit.size()).isGreaterThan(3);
        assertThat(JSON.readTree(files.get("audit/chain.json")).get("intact").asBoolean())
                .isTrue();
    }

    private static void exportIsAuditedAndRecorded(
            EvidenceService service, String caseRef, String manifestSha256, byte[] manifest) throws Exception {
        assertThat(sha256(manifest)).isEqualTo(manifestSha256);
        assertThat(service.bean(AuditTrail.class).about(Set.of("sha256:" + manifestSha256)))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.action()).isEqualTo("evidence.exported");
                    assertThat(entry.objectType()).isEqualTo("evidence_export");
                    assertThat(entry.actorKind()).isEqualTo("STAFF");
                    assertThat(entry.actorId()).isEqualTo("compliance-user");
                });
        JsonNode exports = service.send("GET", "/api/v1/evidence/cases/" + caseRef + "/exports", Role.AUDITOR, "")
                .json();
        assertThat(exports.size()).isEqualTo(1);
        assertThat(exports.get(0).get("manifestSha256").asString()).isEqualTo(manifestSha256);
        assertThat(exports.get(0).get("reason").asString()).isEqualTo("Police request CR-2026-0042");
        assertThat(exports.get(0).get("exportedBy").asString()).isEqualTo("STAFF:compliance-user");
    }

    private static void verifiesAndNamesWhatWasAltered(Path bundle, Path publicKey, Map<String, byte[]> files, Path dir)
            throws Exception {
        Run ok = run("evidence", "verify", bundle.toString(), "--public-key", publicKey.toString());
        assertThat(ok.status()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).isEqualTo("ok\n");
        Run embedded = run("evidence", "verify", bundle.toString());
        assertThat(embedded.status()).isZero();
        assertThat(embedded.err()).contains("integrity only, not origin");

        for (String name : files.keySet()) {
            var altered = new LinkedHashMap<>(files);
            byte[] flipped = files.get(name).clone();
            flipped[flipped.length / 2] ^= 0x01;
            altered.put(name, flipped);
            Path tampered = dir.resolve("tampered.zip");
            Files.write(tampered, zip(altered));
            Run run = run("evidence", "verify", tampered.toString(), "--public-key", publicKey.toString());
            assertThat(run.status()).as(name).isEqualTo(1);
            String named = name.equals("manifest.sig") ? "manifest.json" : name;
            assertThat(run.out()).as(name).startsWith(named + ": ");
        }

        var generator = KeyPairGenerator.getInstance("Ed25519");
        var other = generator.generateKeyPair();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(other.getPrivate());
        signer.update(files.get("manifest.json"));
        var resigned = new LinkedHashMap<>(files);
        resigned.put("manifest.sig", signer.sign());
        Path forged = dir.resolve("forged.zip");
        Files.write(forged, zip(resigned));
        Run refused = run("evidence", "verify", forged.toString(), "--public-key", publicKey.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.out()).startsWith("manifest.json: ");

        assertThat(run("evidence", "verify").status()).isEqualTo(2);
        assertThat(run("evidence", "verify", bundle.toString(), "--public-key", bundle.toString())
                        .status())
                .as("a public key file that holds no key")
                .isEqualTo(2);
    }

    /** The README's check with standard tools: openssl verifies the manifest's signature. */
    private static void opensslAcceptsTheSignature(Map<String, byte[]> files, Path publicKey, Path dir)
            throws Exception {
        Path openssl = Path.of("/usr/bin/openssl");
        Assumptions.assumeTrue(Files.isExecutable(openssl), "openssl is not installed");
        Path manifest = Files.write(dir.resolve("manifest.json"), files.get("manifest.json"));
        Path signature = Files.write(dir.resolve("manifest.sig"), files.get("manifest.sig"));
        var process = new ProcessBuilder(
                        openssl.toString(),
                        "pkeyutl",
                        "-verify",
                        "-pubin",
                        "-inkey",
                        publicKey.toString(),
                        "-rawin",
                        "-in",
                        manifest.toString(),
                        "-sigfile",
                        signature.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("Signature Verified Successfully");
    }

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = RedressCommandLine.standard()
                .run(
                        List.of(args),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        var files = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** A synthetic stand-in: seeded random shapes, never real imagery. */
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
