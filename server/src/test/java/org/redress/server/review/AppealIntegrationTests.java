package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.pdq.PdqHash;
import org.redress.server.MutableClock;
import org.redress.server.TestDatabase;
import org.redress.server.enforcement.Enforcement;
import org.redress.server.intake.Channel;
import org.redress.server.intake.Intake;
import org.redress.server.intake.ReporterRole;
import org.redress.server.matching.CheckResult;
import org.redress.server.matching.EntryHashes;
import org.redress.server.matching.Matching;
import org.redress.server.matching.MatchingUnavailableException;
import org.redress.server.matching.Upload;
import org.redress.server.matching.Verdict;
import org.redress.server.review.cases.ReviewCases;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.UploaderId;

/** Appeals against the review facade on each database, with an injected clock and a platform endpoint. */
class AppealIntegrationTests {

    private static final Actor PLATFORM = new Actor.ApiKey("platform");
    private static final Moderator ALICE = new Moderator("alice", false);
    private static final Moderator SAM = new Moderator("sam", true);
    private static final PdqHash IMAGE =
            PdqHash.fromHex("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22");

    private static CheckResult check(ReviewContext context, String contentId, String uploader) {
        var upload = new Upload(contentId, uploader, EntryHashes.ofPdq(IMAGE), List.of());
        return Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(25))
                .ignoreException(MatchingUnavailableException.class)
                .until(() -> context.bean(Matching.class).check(PLATFORM, upload), result -> true);
    }

    /** The content, checked and reported, removed by Alice; the removal is queued, not yet delivered. */
    private static CaseRef removed(ReviewContext context, String contentId, String uploader) {
        check(context, contentId, uploader);
        CaseRef ref = context.bean(Intake.class)
                .report(
                        new Actor.Public(),
                        Channel.PUBLIC,
                        ReviewIntegrationTests.report(ReporterRole.SUBJECT, false, contentId),
                        Optional.empty())
                .caseRef();
        context.review().claim(ALICE, ref);
        context.review()
                .decide(
                        ALICE,
                        ref,
                        DecisionRequest.of(
                                new Decision.Remove(RemovalBasis.ILLEGAL_CONTENT, Optional.empty(), Optional.empty())));
        return ref;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void banksNothingAndCountsNoStrikeWhenThePlatformConfirmsARemovalAfterItsReversal(TestDatabase.Vendor vendor)
            throws Exception {
        var clock = new MutableClock(ReviewContext.START);
        try (var db = TestDatabase.create(vendor);
                var platform = new Platform(clock::instant);
                var context = new ReviewContext(db, clock, platform)) {
            Review review = context.review();
            CaseRef ref = removed(context, "late-1", "uploader-l");
            AppealReceipt appeal =
                    review.appeal(PLATFORM, new ContentId("late-1"), new UploaderId("uploader-l"), "My own picture.");
            review.claim(SAM, appeal.appealRef());
            review.decide(SAM, appeal.appealRef(), DecisionRequest.of(new Decision.Reverse(Optional.empty())));

            context.bean(Enforcement.class).dispatchNow();

            assertThat(platform.acknowledged("content.remove")).hasSize(1);
            assertThat(platform.acknowledged("content.restore")).hasSize(1);
            assertThat(review.find(ref).state()).as("the clock still stops").isEqualTo(ReviewState.REMOVED);
            assertThat(context.bean(ReviewCases.class).confirmedRemovals("uploader-l"))
                    .isZero();
            assertThat(check(context, "late-2", "uploader-m").verdict()).isEqualTo(Verdict.ALLOW);
            assertThat(review.find(appeal.appealRef()).state()).isEqualTo(ReviewState.REVERSED);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void startsWithoutAPublicUrlOnlyOnTheEmbeddedDatabaseAndNeverWithARelativeOne(TestDatabase.Vendor vendor)
            throws Exception {
        var clock = new MutableClock(ReviewContext.START);
        try (var db = TestDatabase.create(vendor);
                var platform = new Platform(clock::instant)) {
            assertThatThrownBy(() -> new ReviewContext(db, clock, platform, "--redress.public-url=/appeals").close())
                    .hasRootCauseInstanceOf(IllegalArgumentException.class);
            if (vendor == TestDatabase.Vendor.POSTGRESQL) {
                assertThatThrownBy(() -> new ReviewContext(db, clock, platform, "--redress.public-url=").close())
                        .hasRootCauseInstanceOf(IllegalStateException.class)
                        .rootCause()
                        .hasMessageContaining("REDRESS_PUBLIC_URL");
            } else {
                try (var context = new ReviewContext(db, clock, platform, "--redress.public-url=")) {
                    assertThat(context.review().queue(ReviewState.OPEN, 1)).isEmpty();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void acceptsAnAppealForSixMonthsFromTheDecisionAndNotAfter(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(ReviewContext.START);
        try (var db = TestDatabase.create(vendor);
                var platform = new Platform(clock::instant);
                var context = new ReviewContext(db, clock, platform)) {
            Review review = context.review();
            removed(context, "window-1", "uploader-w");
            removed(context, "window-2", "uploader-w");
            assertThatThrownBy(() ->
                            review.appeal(PLATFORM, new ContentId("window-1"), new UploaderId("someone-else"), "Mine."))
                    .isInstanceOf(NoAppealableDecisionException.class);

            // From 1 December, six months end on 1 June: 182 days.
            clock.advance(Duration.ofDays(182).minusMinutes(1));
            AppealReceipt inTime =
                    review.appeal(PLATFORM, new ContentId("window-1"), new UploaderId("uploader-w"), "Mine.");
            assertThat(inTime.deadline()).isEqualTo(inTime.receivedAt().plus(Duration.ofDays(7)));
            clock.advance(Duration.ofMinutes(2));
            assertThatThrownBy(() ->
                            review.appeal(PLATFORM, new ContentId("window-2"), new UploaderId("uploader-w"), "Mine."))
                    .isInstanceOf(AppealWindowClosedException.class);
            assertThat(review.find(inTime.appealRef()).origin()).isEqualTo(Origin.APPEAL);
        }
    }
}
