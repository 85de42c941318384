package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.MutableClock;
import org.redress.server.TestDatabase;
import org.redress.server.enforcement.Enforcement;
import org.redress.server.intake.Channel;
import org.redress.server.intake.ReporterRole;
import org.redress.server.matching.Verdict;
import org.redress.server.review.cases.FollowUpQueue;
import org.redress.server.shared.CaseRef;

/**
 * The heavy follow-ups of a confirmed removal (hashing and banking the removed image) run after
 * the acknowledgement commits: the acknowledgement stops the clock on its own, and a follow-up not
 * done before a restart is done after it, exactly once.
 */
class RemovalFollowUpsIntegrationTests {

    private static final Moderator ALICE = new Moderator("alice", false);

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void banksTheRemovedImageAfterARestartThatCameBeforeTheFollowUp(TestDatabase.Vendor vendor) throws Exception {
        var clock = new MutableClock(ReviewContext.START);
        try (var db = TestDatabase.create(vendor);
                var platform = new Platform(clock::instant)) {
            CaseRef ref;
            try (var context = new ReviewContext(db, clock, platform)) {
                ReviewIntegrationTests.check(context, "post-f1", "uploader-f", ReviewIntegrationTests.IMAGE);
                ref = ReviewIntegrationTests.file(context, Channel.PUBLIC, ReporterRole.SUBJECT, false, "post-f1");
                Review review = context.review();
                review.claim(ALICE, ref);
                review.decide(
                        ALICE,
                        ref,
                        DecisionRequest.of(
                                new Decision.Remove(RemovalBasis.ILLEGAL_CONTENT, Optional.empty(), Optional.empty())));
                context.bean(Enforcement.class).dispatchNow();

                assertThat(review.find(ref).state())
                        .as("the acknowledgement alone stops the clock")
                        .isEqualTo(ReviewState.REMOVED);
                assertThat(context.bean(FollowUpQueue.class).pending(ref, FollowUpQueue.Kind.BANK_REMOVED_CONTENT))
                        .isEqualTo(1);
                assertThat(ReviewIntegrationTests.check(context, "post-f2", "uploader-g", ReviewIntegrationTests.IMAGE)
                                .verdict())
                        .as("not banked before the follow-up runs")
                        .isEqualTo(Verdict.ALLOW);
            }
            try (var restarted = new ReviewContext(db, clock, platform)) {
                Review review = restarted.review();
                assertThat(restarted.bean(FollowUpQueue.class).pending(ref, FollowUpQueue.Kind.BANK_REMOVED_CONTENT))
                        .isEqualTo(1);
                assertThat(review.runFollowUps())
                        .as("the banking, and the search for copies that the report queued")
                        .isEqualTo(2);
                assertThat(review.runFollowUps()).as("done once").isZero();
                assertThat(ReviewIntegrationTests.check(
                                        restarted, "post-f3", "uploader-h", ReviewIntegrationTests.IMAGE)
                                .verdict())
                        .isEqualTo(Verdict.BLOCK);
                assertThat(review.caseFile(ref).history())
                        .extracting(HistoryEntry::what)
                        .containsOnlyOnce(HistoryStep.HASHES_BANKED);
            }
        }
    }
}
