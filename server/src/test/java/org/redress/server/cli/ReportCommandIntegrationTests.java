package org.redress.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.TestDatabase;
import tools.jackson.databind.json.JsonMapper;

/** {@code redress report transparency} as {@code interface.md} states it, on both databases. */
class ReportCommandIntegrationTests {

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

    private static String[] with(TestDatabase db, String... args) {
        var all = new ArrayList<>(List.of(args));
        all.add("--db");
        all.add(db.jdbcUrl());
        return all.toArray(String[]::new);
    }

    /** A report as intake stores it, written directly: this test is about the command, not the figures. */
    private static void report(TestDatabase db, String ref, String channel, String receivedAt) {
        String at = db.vendor() == TestDatabase.Vendor.SQLITE
                ? Long.toString(Instant.parse(receivedAt).toEpochMilli())
                : "TIMESTAMPTZ '" + receivedAt + "'";
        db.update("INSERT INTO intake_case (case_ref, kind, state, route, priority, received_at, version)"
                + " VALUES ('" + ref + "', 'REPORT', 'OPEN', 'STANDARD', '" + channel + "', " + at + ", 0)");
        db.update("INSERT INTO intake_report (id, case_ref, public_ref, channel, reporter_role, subject_under_18,"
                + " token_hash, received_at, messages_stopped) VALUES ('" + ref + "-r', '" + ref + "', '" + ref
                + "', '" + channel + "', 'SUBJECT', FALSE, '" + ref + "-h', " + at + ", FALSE)");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void printsTheFiguresOfThePeriodWithBothDaysIncluded(TestDatabase.Vendor vendor) throws Exception {
        try (var db = TestDatabase.create(vendor)) {
            var empty = run(with(db, "report", "transparency", "--from", "2026-11-01", "--to", "2026-11-30"));
            assertThat(empty.status()).as(empty.err()).isZero();
            report(db, "RD-BEFORE", "PUBLIC", "2026-10-31T23:59:59.999Z");
            report(db, "RD-FIRST", "PUBLIC", "2026-11-01T00:00:00Z");
            report(db, "RD-LAST", "REGULATOR", "2026-11-30T23:59:59.999Z");
            report(db, "RD-AFTER", "PUBLIC", "2026-12-01T00:00:00Z");

            var json = run(with(db, "report", "transparency", "--from", "2026-11-01", "--to", "2026-11-30"));

            assertThat(json.status()).as(json.err()).isZero();
            var figures = JsonMapper.builder().build().readTree(json.out());
            assertThat(figures.get("reportsReceived").asLong()).isEqualTo(2);
            assertThat(figures.get("reportsByChannel").get("REGULATOR").asLong())
                    .isEqualTo(1);
            for (String figure : List.of(
                    "contentRemoved",
                    "removedWithinDeadline",
                    "deadlineBreaches",
                    "appealsReceived",
                    "appealsReversed")) {
                assertThat(figures.get(figure).isIntegralNumber()).as(figure).isTrue();
            }
            var csv = run(with(
                    db, "report", "transparency", "--from", "2026-11-01", "--to", "2026-11-01", "--format", "csv"));
            assertThat(csv.status()).as(csv.err()).isZero();
            assertThat(csv.out()).startsWith("figure,group,key,value\r\n").contains("\r\nreportsReceived,,,1\r\n");
        }
    }

    @Test
    void refusesWrongDatesAndAPeriodThatEndsBeforeItStartsAsUsageErrors() {
        var notADate = run("report", "transparency", "--from", "2026-02-30", "--to", "2026-03-01");
        assertThat(notADate.status()).isEqualTo(2);
        assertThat(notADate.err()).contains("--from is not a date");
        var backwards = run("report", "transparency", "--from", "2026-03-02", "--to", "2026-03-01");
        assertThat(backwards.status()).isEqualTo(2);
        assertThat(backwards.err()).contains("ends before it starts");
        assertThat(run("report", "transparency", "--from", "2026-03-01").status())
                .isEqualTo(2);
        assertThat(run("report", "transparency", "--from", "2026-03-01", "--to", "2026-03-01", "--format", "xml")
                        .status())
                .isEqualTo(2);
        assertThat(run("report", "figures").status()).isEqualTo(2);
        assertThat(notADate.out()).isEmpty();
    }
}
