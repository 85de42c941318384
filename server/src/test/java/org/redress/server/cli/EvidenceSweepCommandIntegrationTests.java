package org.redress.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.redress.server.TestDatabase;
import org.redress.server.identity.Role;
import org.redress.server.media.Media;
import org.redress.server.shared.ContentId;

/**
 * {@code redress evidence sweep} on SQLite: of two images past their retention, the command purges
 * the one no hold keeps, prints one {@code kind: count} line per kind of record, and exits 0; a
 * second run finds nothing left to delete.
 */
class EvidenceSweepCommandIntegrationTests {

    private record Run(int status, String out, String err) {}

    @Test
    void sweepsOnceFromTheCommandLineAndPrintsWhatItDeleted() throws Exception {
        try (var database = TestDatabase.create(TestDatabase.Vendor.SQLITE)) {
            String held = "held-" + UUID.randomUUID();
            String free = "free-" + UUID.randomUUID();
            try (var service = new EvidenceService(database)) {
                service.checkImage(
                        held,
                        "uploader-a",
                        EvidenceEndToEndIntegrationTests.png(EvidenceEndToEndIntegrationTests.picture(3)));
                service.checkImage(
                        free,
                        "uploader-b",
                        EvidenceEndToEndIntegrationTests.png(EvidenceEndToEndIntegrationTests.picture(7)));
                var hold = service.send(
                        "POST",
                        "/api/v1/evidence/content-holds",
                        Role.COMPLIANCE,
                        "{\"contentId\":\"" + held + "\",\"reason\":\"Police preservation\"}");
                assertThat(hold.status()).as(hold.text()).isEqualTo(201);
                Media media = service.bean(Media.class);
                Awaitility.await()
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> List.of(held, free).stream()
                                .flatMap(id -> media.forContent(new ContentId(id)).stream())
                                .allMatch(m -> m.expiresAt().isBefore(Instant.now())));
            }
            String data = database.dataDirectory().toString();

            Run swept = run("evidence", "sweep", "--data", data);

            assertThat(swept.status()).as(swept.err()).isZero();
            assertThat(swept.out().lines().toList())
                    .contains(
                            "iia-media: 1",
                            "evidence-export: 0",
                            "law-enforcement-request: 0",
                            "csea-referral: 0",
                            "csea-content: 0",
                            "orphaned-media-files: 0",
                            "kept-by-holds: 0");
            assertThat(references(database, held)).as("held").isEqualTo(1);
            assertThat(references(database, free))
                    .as("not held, past its retention")
                    .isZero();
            assertThat(count(database, "SELECT COUNT(*) FROM evidence_deletion WHERE kind = 'iia-media'"))
                    .as("the deletion is logged")
                    .isEqualTo(1);

            Run again = run("evidence", "sweep", "--data", data);
            assertThat(again.status()).as(again.err()).isZero();
            assertThat(again.out().lines().toList()).contains("iia-media: 0");
            assertThat(run("evidence", "sweep", "--data", data, "--db", database.jdbcUrl())
                            .status())
                    .as("--data and --db together")
                    .isEqualTo(2);
        }
    }

    private static long references(TestDatabase database, String contentId) throws Exception {
        return count(database, "SELECT COUNT(*) FROM media_content WHERE content_id = '" + contentId + "'");
    }

    private static long count(TestDatabase database, String sql) throws Exception {
        try (var connection = DriverManager.getConnection(database.jdbcUrl());
                var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
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
