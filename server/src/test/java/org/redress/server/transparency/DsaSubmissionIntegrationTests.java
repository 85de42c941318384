package org.redress.server.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.MutableClock;
import org.redress.server.TestDatabase;
import org.redress.server.transparency.dsa.DsaSubmission;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client against a local fake of the DSA Transparency Database's batch endpoint: every
 * restriction's statement arrives once, in batches no larger than configured, through failures,
 * lost answers and a restart of the service.
 */
class DsaSubmissionIntegrationTests {

    private static final String TOKEN = "test-token-of-the-platform";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void sendsEveryStatementOnceInBatchesThroughFailuresAndARestart(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(SeededPeriod.START);
        try (var db = TestDatabase.create(vendor);
                var fake = new FakeTransparencyDatabase(TOKEN)) {
            String[] settings = {
                "--redress.transparency.dsa.url=" + fake.base(),
                "--redress.transparency.dsa.token=" + TOKEN,
                "--redress.transparency.dsa.batch-size=2",
                "--redress.transparency.dsa.initial-backoff=PT1M"
            };
            Set<String> expected;
            try (var context = new TransparencyContext(db, clock, settings)) {
                new SeededPeriod(context, clock).seed();
                expected = puids(context);
                assertThat(expected).hasSizeGreaterThan(4); // more than two batches
                clock.advance(Duration.ofSeconds(1)); // past the last restriction's instant
                fake.failNext(1);
                fake.loseNextAnswers(0);

                context.bean(DsaSubmission.class).run(); // the first call fails; the rest go

                assertThat(fake.held()).hasSize(expected.size() - 2);
                fake.loseNextAnswers(1);
                clock.advance(Duration.ofMinutes(2));
                context.bean(DsaSubmission.class).run(); // held, but the answer is lost
                assertThat(fake.held().keySet()).isEqualTo(expected);
            }
            // A restart: the outbox still shows the last batch unsent, and sends it again.
            clock.advance(Duration.ofMinutes(5));
            try (var context = new TransparencyContext(db, clock, settings)) {
                context.bean(DsaSubmission.class).run();
                context.bean(DsaSubmission.class).run();
            }
            assertThat(fake.held().keySet()).isEqualTo(expected);
            assertThat(fake.duplicateRefusals()).isEqualTo(1);
            assertThat(fake.callSizes()).allSatisfy(size -> assertThat(size).isBetween(1, 2));
            // Each statement was created once; beside those calls, the first batch was refused once
            // (503) and once for its used puids.
            assertThat(fake.callSizes().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(expected.size() + 2 + 2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void sendsNothingWithoutAnAddressAndRefusesAWrongToken(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(SeededPeriod.START);
        try (var db = TestDatabase.create(vendor);
                var fake = new FakeTransparencyDatabase(TOKEN)) {
            try (var context = new TransparencyContext(db, clock)) {
                new SeededPeriod(context, clock).seed();
                assertThat(context.bean(DsaSubmission.class).run()).isZero();
            }
            try (var context = new TransparencyContext(
                    db,
                    clock,
                    "--redress.transparency.dsa.url=" + fake.base(),
                    "--redress.transparency.dsa.token=not-the-token")) {
                assertThat(context.bean(DsaSubmission.class).run()).isZero();
                assertThat(fake.held()).isEmpty();
                assertThat(fake.calls()).isEqualTo(1);
            }
        }
    }

    private static Set<String> puids(TransparencyContext context) throws Exception {
        var out = new StringWriter();
        // Everything up to now: the seeded month and the report the day after it.
        var untilNow = new Period(SeededPeriod.NOVEMBER.from(), java.time.LocalDate.parse("2026-12-31"));
        context.bean(DsaStatements.class).exportJsonLines(untilNow, out);
        return out.toString()
                .lines()
                .map(line -> JSON.readTree(line).path("puid").asString())
                .collect(Collectors.toSet());
    }
}
