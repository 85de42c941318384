package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.redress.server.intake.ComplaintOutcome;
import org.redress.server.intake.ComplaintType;
import org.redress.server.shared.CaseRef;

/** The rules of a complaint, without Spring: target times, owners, answers. */
class ReviewComplaintTests {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final ComplaintSettings DEFAULTS = new ComplaintSettings(Duration.ofHours(48), Duration.ofDays(7));
    private static final CaseRef CASE = new CaseRef("RD-2345-6789-ABCD");

    private static ReviewComplaint reporters(boolean expedited) {
        return ReviewComplaint.received(
                "c-1",
                ComplaintType.DECISION,
                Complainant.REPORTER,
                Optional.of(CASE),
                Optional.empty(),
                expedited,
                AT,
                DEFAULTS);
    }

    @Test
    void givesARemovalRequestersComplaintTheExpeditedTarget() {
        assertThat(reporters(true).dueAt()).isEqualTo(AT.plus(Duration.ofHours(48)));
        assertThat(reporters(false).dueAt()).isEqualTo(AT.plus(Duration.ofDays(7)));
    }

    @Test
    void followsAConfiguredExpeditedTarget() {
        var complaint = ReviewComplaint.received(
                "c-2",
                ComplaintType.DELAY,
                Complainant.REPORTER,
                Optional.of(CASE),
                Optional.empty(),
                true,
                AT,
                new ComplaintSettings(Duration.ofHours(24), Duration.ofDays(7)));
        assertThat(complaint.dueAt()).isEqualTo(AT.plus(Duration.ofHours(24)));
    }

    @Test
    void refusesTargetTimesThatAreNotPositive() {
        assertThatThrownBy(() -> new ComplaintSettings(Duration.ZERO, Duration.ofDays(7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expedited-target");
        assertThatThrownBy(() -> new ComplaintSettings(Duration.ofHours(48), Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isOverdueOnlyAfterItsTargetWithoutAnAnswer() {
        var complaint = reporters(true);
        assertThat(complaint.overdueAt(AT.plus(Duration.ofHours(48)))).isFalse();
        assertThat(complaint.overdueAt(AT.plus(Duration.ofHours(49)))).isTrue();
        var answered = complaint
                .claimedBy("handler", Set.of(), AT)
                .answeredBy("handler", ComplaintOutcome.NOT_UPHELD, "It stands.", AT.plus(Duration.ofHours(1)));
        assertThat(answered.overdueAt(AT.plus(Duration.ofDays(30)))).isFalse();
    }

    @Test
    void refusesTheCasesDeciderAsOwner() {
        assertThatThrownBy(() -> reporters(true).claimedBy("decider", Set.of("decider"), AT))
                .isInstanceOf(DifferentModeratorRequiredException.class);
        assertThatThrownBy(() -> reporters(true).assignedTo("decider", Set.of("decider"), AT))
                .isInstanceOf(DifferentModeratorRequiredException.class);
    }

    @Test
    void keepsItsOwnerAgainstAnotherClaimButLetsASeniorReassign() {
        var owned = reporters(true).claimedBy("handler", Set.of("decider"), AT);
        assertThat(owned.owner()).contains("handler");
        assertThat(owned.claimedBy("handler", Set.of(), AT.plusSeconds(5))).isEqualTo(owned);
        assertThatThrownBy(() -> owned.claimedBy("other", Set.of(), AT)).isInstanceOf(ComplaintOwnedException.class);
        assertThat(owned.assignedTo("other", Set.of(), AT).owner()).contains("other");
    }

    @Test
    void isAnsweredOnlyByItsOwnerAndOnlyOnce() {
        var complaint = reporters(true);
        assertThatThrownBy(() -> complaint.answeredBy("handler", ComplaintOutcome.NOT_UPHELD, "No.", AT))
                .isInstanceOf(NotComplaintOwnerException.class);
        var answered = complaint
                .claimedBy("handler", Set.of(), AT)
                .answeredBy("handler", ComplaintOutcome.UPHELD_ACTION_TAKEN, "We acted.", AT);
        assertThat(answered.answer()).hasValueSatisfying(a -> {
            assertThat(a.outcome()).isEqualTo(ComplaintOutcome.UPHELD_ACTION_TAKEN);
            assertThat(a.by()).isEqualTo("handler");
        });
        assertThatThrownBy(() -> answered.answeredBy("handler", ComplaintOutcome.NOT_UPHELD, "No.", AT))
                .isInstanceOf(ComplaintAnsweredException.class);
        assertThatThrownBy(() -> answered.claimedBy("other", Set.of(), AT))
                .isInstanceOf(ComplaintAnsweredException.class);
    }

    @Test
    void refusesABlankOrOverlongReply() {
        var owned = reporters(true).claimedBy("handler", Set.of(), AT);
        assertThatThrownBy(() -> owned.answeredBy("handler", ComplaintOutcome.NOT_UPHELD, " ", AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> owned.answeredBy("handler", ComplaintOutcome.NOT_UPHELD, "x".repeat(4_001), AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void letsOnlyUploadersComplainAboutAutomatedBlocks() {
        assertThatThrownBy(() -> ReviewComplaint.received(
                        "c-3",
                        ComplaintType.AUTOMATED_BLOCK,
                        Complainant.REPORTER,
                        Optional.empty(),
                        Optional.empty(),
                        false,
                        AT,
                        DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReviewComplaint.received(
                        "c-4",
                        ComplaintType.DELAY,
                        Complainant.UPLOADER,
                        Optional.empty(),
                        Optional.of("post-1"),
                        false,
                        AT,
                        DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsNoReply() {
        var answered = reporters(true)
                .claimedBy("handler", Set.of(), AT)
                .answeredBy("handler", ComplaintOutcome.NOT_UPHELD, "Dear Sam, it stands.", AT);
        assertThat(answered.toString()).doesNotContain("Dear Sam").contains("redacted");
    }
}
