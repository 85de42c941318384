package org.redress.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.TestDatabase;
import org.redress.server.identity.Role;
import org.redress.server.storage.StorageLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code redress evidence export} on each database, PostgreSQL through {@code --db} alone: a case
 * whose removal was appealed is exported from the command line, and the bundle verifies with the
 * operator's published key and holds the case and, both ways, the cases linked with it: the appeal
 * (which links to the case) when the case is exported, and the case when the appeal is.
 */
class EvidenceExportCommandIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Run(int status, String out, String err) {}

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void exportsFromTheCommandLineABundleThatVerifiesAndHoldsTheCasesLinkingToTheCase(
            TestDatabase.Vendor vendor, @TempDir Path dir) throws Exception {
        try (var database = TestDatabase.create(vendor)) {
            // PostgreSQL: the command is given --db alone, so it reads the data key and media from the
            // default data directory; the service must keep them there.
            boolean onPostgres = vendor == TestDatabase.Vendor.POSTGRESQL;
            Path data = onPostgres ? Path.of(StorageLocation.DEFAULT_DATA_DIRECTORY) : database.dataDirectory();
            java.util.Set<Path> before = files(data);
            try {
                exportsBothWays(database, data, onPostgres, dir);
            } finally {
                // The shared default data directory keeps its key, never this test's images.
                for (Path file : files(data)) {
                    if (onPostgres && !before.contains(file) && file.startsWith(data.resolve("media"))) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    private static java.util.Set<Path> files(Path data) throws java.io.IOException {
        if (!Files.isDirectory(data)) {
            return java.util.Set.of();
        }
        try (var walk = Files.walk(data)) {
            return walk.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toSet());
        }
    }

    private static void exportsBothWays(TestDatabase database, Path data, boolean onPostgres, Path dir)
            throws Exception {
        {
            String caseRef;
            String appealRef;
            Path key = dir.resolve("operator-key.pem");
            try (var service = new EvidenceService(database, data)) {
                String content = "post-" + UUID.randomUUID();
                service.checkImage(
                        content,
                        "uploader-linked",
                        EvidenceEndToEndIntegrationTests.png(EvidenceEndToEndIntegrationTests.picture(29)));
                caseRef = service.report(content);
                service.remove(caseRef);
                EvidenceService.Answer appeal = service.send(
                        "POST",
                        "/api/v1/appeals",
                        Role.PLATFORM,
                        "{\"contentId\":\"" + content + "\",\"uploaderId\":\"uploader-linked\","
                                + "\"text\":\"This is not me.\"}");
                assertThat(appeal.status()).as(appeal.text()).isEqualTo(201);
                appealRef = appeal.json().get("appealRef").asString();
                Files.write(
                        key,
                        service.send("GET", "/api/v1/evidence/public-key", null, "")
                                .body());
            }
            List<String> where = onPostgres
                    ? List.of("--db", database.jdbcUrl())
                    : List.of("--data", database.dataDirectory().toString());
            // What REDRESS_PUBLIC_URL gives an operator's command on PostgreSQL, where it is required.
            System.setProperty("redress.public-url", "http://evidence.example");
            Map<String, byte[]> ofCase;
            Map<String, byte[]> ofAppeal;
            try {
                ofCase = exportAndVerify(caseRef, where, dir.resolve("case.zip"), key);
                ofAppeal = exportAndVerify(appealRef, where, dir.resolve("appeal.zip"), key);
            } finally {
                System.clearProperty("redress.public-url");
            }
            assertThat(ofCase).containsKeys("cases/" + caseRef + "/case.json", "cases/" + appealRef + "/case.json");
            JsonNode manifest = JSON.readTree(ofCase.get("manifest.json"));
            assertThat(manifest.toString()).contains(appealRef);
            assertThat(new String(ofCase.get("cases/" + appealRef + "/case.json"), StandardCharsets.UTF_8))
                    .as("the appeal names the case it appeals")
                    .contains(caseRef);

            assertThat(ofAppeal)
                    .as("outwards, as before")
                    .containsKeys("cases/" + appealRef + "/case.json", "cases/" + caseRef + "/case.json");
        }
    }

    private static Map<String, byte[]> exportAndVerify(String ref, List<String> where, Path out, Path key)
            throws Exception {
        var args = new ArrayList<>(List.of("evidence", "export", "--case", ref, "--out", out.toString()));
        args.addAll(where);
        Run export = run(args.toArray(String[]::new));
        assertThat(export.status()).as(export.err()).isZero();
        assertThat(export.out()).containsPattern("manifest-sha256: [0-9a-f]{64}");
        Run verified = run("evidence", "verify", out.toString(), "--public-key", key.toString());
        assertThat(verified.status()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).isEqualTo("ok\n");
        return unzip(Files.readAllBytes(out));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        var files = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
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
}
