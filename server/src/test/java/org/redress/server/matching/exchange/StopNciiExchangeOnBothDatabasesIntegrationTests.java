package org.redress.server.matching.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.pdq.PdqHash;
import org.redress.server.RedressApplication;
import org.redress.server.TestDatabase;
import org.redress.server.matching.CheckResult;
import org.redress.server.matching.EntryHashes;
import org.redress.server.matching.Matching;
import org.redress.server.matching.Upload;
import org.redress.server.matching.Verdict;
import org.redress.server.matching.banks.MatchIndex;
import org.redress.server.shared.Actor;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The StopNCII exchange against a local fake of its partner API, on each database: fetched hashes
 * queue matching uploads for review, a withdrawal stops them matching within one fetch, a restart
 * resumes from the stored checkpoint without fetching again, 429 and 500 answers are tried again,
 * and a replica that does not hold the lease does not fetch.
 */
class StopNciiExchangeOnBothDatabasesIntegrationTests {

    private static final Actor PLATFORM = new Actor.Operator("platform-test");
    private static final String IMAGE_A = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
    private static final String IMAGE_B = "9c151c3af838278e3ef57c180c7d031c07aefd12f2ccc1e18f2a1e1c7d0ff163";
    private static final String VIDEO = "0f343b0931126a20f133d67c2b018a3b";

    private static ConfigurableApplicationContext start(TestDatabase database, FakeStopNcii fake, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--redress.data=" + database.dataDirectory(),
                "--redress.db-url=" + database.jdbcUrl(),
                "--redress.public-url=http://localhost",
                "--redress.stopncii.url=" + fake.url(),
                "--redress.stopncii.subscription-key=" + FakeStopNcii.SUBSCRIPTION_KEY,
                "--redress.stopncii.functions-key=" + FakeStopNcii.FUNCTIONS_KEY,
                "--redress.stopncii.page-size=2",
                "--redress.stopncii.fetch-interval=PT1H",
                "--redress.stopncii.first-fetch-delay=PT1H"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(RedressApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .properties("logging.level.root=WARN", "logging.level.org.redress.server.storage=ERROR")
                .run(args.toArray(String[]::new));
    }

    private static Verdict check(ConfigurableApplicationContext context, EntryHashes hashes) {
        context.getBean(MatchIndex.class).refresh();
        CheckResult result = context.getBean(Matching.class)
                .check(PLATFORM, new Upload("upload-" + UUID.randomUUID(), "uploader-1", hashes, List.of()));
        return result.verdict();
    }

    private static EntryHashes pdq(String hex) {
        return EntryHashes.ofPdq(PdqHash.fromHex(hex));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void fetchedHashesQueueUploadsForReviewAndWithdrawnOnesStopMatching(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var fake = new FakeStopNcii()) {
            fake.put("ImagePDQ", IMAGE_A, "Active", Map.of("case-1", "Active"));
            fake.put("ImagePDQ", IMAGE_B, "Received", Map.of("case-2", "Received", "case-3", "Active"));
            fake.put("VideoMD5", VIDEO, "Active", Map.of("case-4", "Active"));
            fake.put("Text", "some text", "Active", Map.of());
            try (var context = start(database, fake)) {
                var exchange = context.getBean(StopNciiExchange.class);

                assertThat(exchange.fetch()).isTrue();

                assertThat(fake.requests())
                        .hasSize(2)
                        .allSatisfy(r -> assertThat(r.pageSize()).isEqualTo(2));
                assertThat(fake.requests().getFirst().startTimestamp()).isEqualTo(StopNciiExchange.FIRST_TIMESTAMP);
                assertThat(fake.requests().get(1).pageToken()).isEqualTo("page-2");
                assertThat(check(context, pdq(IMAGE_A))).isEqualTo(Verdict.REVIEW);
                assertThat(check(context, pdq(IMAGE_B))).isEqualTo(Verdict.REVIEW);
                assertThat(check(context, EntryHashes.parse(null, VIDEO, null))).isEqualTo(Verdict.REVIEW);
                var state =
                        context.getBean(ExchangeStates.class).find("stopncii").orElseThrow();
                assertThat(state.recordsFetched()).isEqualTo(4);
                assertThat(state.entriesAdded()).isEqualTo(3);

                // A's record says withdrawn; every one of B's cases was withdrawn though its status was not.
                fake.put("ImagePDQ", IMAGE_A, "Withdrawn", Map.of("case-1", "Withdrawn"));
                fake.put("ImagePDQ", IMAGE_B, "Active", Map.of("case-2", "Deleted", "case-3", "Withdrawn"));
                assertThat(exchange.fetch()).isTrue();

                assertThat(check(context, pdq(IMAGE_A))).isEqualTo(Verdict.ALLOW);
                assertThat(check(context, pdq(IMAGE_B))).isEqualTo(Verdict.ALLOW);
                assertThat(check(context, EntryHashes.parse(null, VIDEO, null))).isEqualTo(Verdict.REVIEW);

                // A hash submitted again after its withdrawal matches again.
                fake.put("ImagePDQ", IMAGE_A, "Active", Map.of("case-1", "Withdrawn", "case-9", "Active"));
                assertThat(exchange.fetch()).isTrue();
                assertThat(check(context, pdq(IMAGE_A))).isEqualTo(Verdict.REVIEW);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void aRestartResumesFromTheCheckpointAndRefusalsAreTriedAgain(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var fake = new FakeStopNcii()) {
            fake.put("ImagePDQ", IMAGE_A, "Active", Map.of("case-1", "Active"));
            long checkpoint;
            try (var context = start(database, fake)) {
                assertThat(context.getBean(StopNciiExchange.class).fetch()).isTrue();
                checkpoint = context.getBean(ExchangeStates.class)
                        .find("stopncii")
                        .orElseThrow()
                        .checkpoint();
                assertThat(checkpoint).isGreaterThan(StopNciiExchange.FIRST_TIMESTAMP);
            }
            int before = fake.requests().size();
            fake.failNext(429, 500);
            try (var context = start(database, fake)) {
                assertThat(context.getBean(StopNciiExchange.class).fetch()).isTrue();

                List<FakeStopNcii.Request> after =
                        fake.requests().subList(before, fake.requests().size());
                assertThat(after).extracting(FakeStopNcii.Request::status).containsExactly(429, 500, 200);
                assertThat(after).allSatisfy(r -> assertThat(r.startTimestamp()).isEqualTo(checkpoint));
                var state =
                        context.getBean(ExchangeStates.class).find("stopncii").orElseThrow();
                assertThat(state.lastError()).isEmpty();
                assertThat(state.entriesAdded()).as("nothing fetched twice").isEqualTo(1);
                assertThat(check(context, pdq(IMAGE_A))).isEqualTo(Verdict.REVIEW);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void aMatchPostsPendingReviewAndAConfirmationPostsBlockedExactlyOnce(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var fake = new FakeStopNcii()) {
            fake.put("ImagePDQ", IMAGE_A, "Active", Map.of("case-1", "Active"));
            try (var context = start(database, fake)) {
                var exchange = context.getBean(StopNciiExchange.class);
                assertThat(exchange.fetch()).isTrue();
                assertThat(check(context, pdq(IMAGE_A))).isEqualTo(Verdict.REVIEW);
                assertThat(check(context, pdq(IMAGE_A))).as("a second copy").isEqualTo(Verdict.REVIEW);

                assertThat(exchange.sendFeedback()).isEqualTo(1);
                assertThat(fake.feedbacks()).containsExactly(IMAGE_A + " PendingReview");

                var matching = context.getBean(Matching.class);
                long entryId = matching.entriesFrom(new org.redress.server.matching.Provenance(
                                org.redress.server.matching.Provenance.Source.EXCHANGE, "stopncii:ImagePDQ:" + IMAGE_A))
                        .getFirst()
                        .id();
                matching.confirmEntry(new Actor.Staff("moderator-1"), Matching.confirmationCase(entryId));
                assertThat(exchange.sendFeedback()).isEqualTo(1);
                assertThat(exchange.sendFeedback()).as("nothing left to send").isZero();
                matching.confirmEntry(new Actor.Staff("moderator-2"), Matching.confirmationCase(entryId));
                assertThat(exchange.sendFeedback())
                        .as("confirmed again: already told")
                        .isZero();

                assertThat(fake.feedbacks()).containsExactly(IMAGE_A + " PendingReview", IMAGE_A + " Blocked");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void aConfirmedRemovalOfContentAStopNciiHashMatchedPostsBlocked(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var fake = new FakeStopNcii()) {
            fake.put("ImagePDQ", IMAGE_B, "Active", Map.of("case-2", "Active"));
            try (var context = start(database, fake, "--redress.stopncii.trust=CONFIRMED")) {
                var exchange = context.getBean(StopNciiExchange.class);
                assertThat(exchange.fetch()).isTrue();
                String contentId = "post-" + UUID.randomUUID();
                context.getBean(MatchIndex.class).refresh();
                var matching = context.getBean(Matching.class);
                assertThat(matching.check(PLATFORM, new Upload(contentId, "uploader-2", pdq(IMAGE_B), List.of()))
                                .verdict())
                        .isEqualTo(Verdict.REVIEW);

                // The platform confirmed the removal a moderator decided: the removed item is banked.
                matching.bankConfirmedRemoval(
                        new Actor.Staff("moderator-1"),
                        new org.redress.server.shared.CaseRef("RM-TEST-0001"),
                        new org.redress.server.shared.ContentId(contentId),
                        Optional.empty());
                exchange.sendFeedback();

                assertThat(fake.feedbacks()).containsExactly(IMAGE_B + " PendingReview", IMAGE_B + " Blocked");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void aFailedFetchKeepsItsCheckpointAndOnlyTheLeaseHolderFetches(TestDatabase.Vendor vendor) throws Exception {
        try (var database = TestDatabase.create(vendor);
                var fake = new FakeStopNcii()) {
            fake.put("ImagePDQ", IMAGE_A, "Active", Map.of("case-1", "Active"));
            try (var context = start(database, fake)) {
                var exchange = context.getBean(StopNciiExchange.class);
                var states = context.getBean(ExchangeStates.class);
                fake.failNext(500, 500, 500, 500, 500);

                assertThat(exchange.fetch()).isTrue();

                var failed = states.find("stopncii").orElseThrow();
                assertThat(failed.lastError()).contains("FetchHashes answered HTTP 500 after 5 attempts");
                assertThat(failed.checkpoint()).isZero();
                assertThat(check(context, pdq(IMAGE_A))).isEqualTo(Verdict.ALLOW);

                Instant now = Instant.now();
                assertThat(states.lease("stopncii", "another-replica", now, now.plus(Duration.ofMinutes(5))))
                        .isTrue();
                int before = fake.requests().size();
                assertThat(exchange.fetch())
                        .as("the other replica holds the lease")
                        .isFalse();
                assertThat(fake.requests()).hasSize(before);
                states.release("stopncii", "another-replica");
                assertThat(exchange.fetch()).isTrue();
                assertThat(check(context, pdq(IMAGE_A))).isEqualTo(Verdict.REVIEW);
                assertThat(Optional.of(states.find("stopncii").orElseThrow().checkpoint()))
                        .hasValueSatisfying(c -> assertThat(c).isPositive());
            }
        }
    }
}
