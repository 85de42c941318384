package org.redress.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.TestDatabase;
import org.redress.server.transparency.SchemaChecker;

/** {@code redress report statements}: the period's DSA statements as JSON Lines, on both databases. */
class StatementsCommandIntegrationTests {

    private record Run(int status, String out, String err) {}

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

    /** A restriction webhook as enforcement stores it, written directly: this test is about the command. */
    private static void restriction(TestDatabase db, String id, String type, String body, String createdAt) {
        String at = db.vendor() == TestDatabase.Vendor.SQLITE
                ? Long.toString(Instant.parse(createdAt).toEpochMilli())
                : "TIMESTAMPTZ '" + createdAt + "'";
        db.update("INSERT INTO enforcement_delivery (id, type, case_ref, content_id, body, created_at, attempts,"
                + " next_attempt_at) VALUES ('" + id + "', '" + type + "', 'upload-check', 'upload-1', '" + body
                + "', " + at + ", 0, " + at + ")");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void printsOneValidStatementPerRestrictionOfThePeriod(TestDatabase.Vendor vendor) throws Exception {
        try (var db = TestDatabase.create(vendor)) {
            var empty = run("report", "statements", "--from", "2026-11-01", "--to", "2026-11-30", "--db", db.jdbcUrl());
            assertThat(empty.status()).as(empty.err()).isZero();
            assertThat(empty.out()).isEmpty();
            String block = "{\"statementOfReasons\":{\"restriction\":{\"duration\":\"UNTIL_REVIEWED\"}},"
                    + "\"deterrence\":{\"jurisdiction\":\"US\"}}";
            restriction(db, "00000000-0000-4000-8000-000000000001", "upload.blocked", block, "2026-11-01T00:00:00Z");
            restriction(db, "00000000-0000-4000-8000-000000000002", "upload.blocked", block, "2026-12-01T00:00:00Z");
            restriction(db, "00000000-0000-4000-8000-000000000003", "content.restore", "{}", "2026-11-02T00:00:00Z");

            var statements =
                    run("report", "statements", "--from", "2026-11-01", "--to", "2026-11-30", "--db", db.jdbcUrl());

            assertThat(statements.status()).as(statements.err()).isZero();
            List<String> lines = statements.out().lines().toList();
            assertThat(lines).hasSize(1);
            assertThat(SchemaChecker.ofResource("transparency/dsa-statement.schema.json")
                            .problems(lines.getFirst()))
                    .isEmpty();
            assertThat(lines.getFirst())
                    .contains("\"puid\":\"redress-00000000-0000-4000-8000-000000000001\"")
                    .contains("TAKE IT DOWN Act")
                    .doesNotContain("upload-1");
        }
    }

    @Test
    void refusesAMissingOrWrongDateAsAUsageError() {
        assertThat(run("report", "statements", "--from", "2026-11-01").status()).isEqualTo(2);
        var wrong = run("report", "statements", "--from", "2026-11-31", "--to", "2026-12-01");
        assertThat(wrong.status()).isEqualTo(2);
        assertThat(wrong.err()).contains("--from is not a date");
    }
}
