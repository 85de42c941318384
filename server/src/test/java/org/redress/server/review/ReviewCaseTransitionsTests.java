package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.redress.server.shared.CaseRef;

/** The case guards its own transitions: who may claim it, which decisions it takes, and where each leads. */
class ReviewCaseTransitionsTests {

    private static final Instant T = Instant.parse("2026-12-01T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(15);
    private static final Moderator ALICE = new Moderator("alice", false);
    private static final Moderator BOB = new Moderator("bob", false);
    private static final Moderator SAM = new Moderator("sam", true);
    private static final Decision REMOVE =
            new Decision.Remove(RemovalBasis.ILLEGAL_CONTENT, Optional.empty(), Optional.empty());
    private static final Decision NO_VIOLATION =
            new Decision.NoViolation(NoViolationReason.NOT_INTIMATE_IMAGE_CONTENT, Optional.empty());
    private static final Decision ESCALATE = new Decision.Escalate(Optional.empty());
    private static final Decision REVERSE = new Decision.Reverse(Optional.empty());
    private static final Decision UPHOLD = new Decision.Uphold(Optional.empty());

    private static ReviewCase opened(Origin origin, Severity severity) {
        return ReviewCase.opened(
                new CaseRef("RD-AAAA-BBBB"),
                origin,
                Optional.empty(),
                severity,
                Source.PERSON_DEPICTED,
                T,
                T.plus(Duration.ofHours(48)));
    }

    private static ReviewCase report() {
        return opened(Origin.REPORT, Severity.INTIMATE_IMAGE_ABUSE);
    }

    @Test
    void letsOneModeratorHoldTheClaimUntilItsLeaseEnds() {
        ReviewCase claimed = report().claimedBy(ALICE, T, LEASE);
        assertThat(claimed.claimantAt(T.plusSeconds(60))).contains("alice");
        assertThatThrownBy(() -> claimed.claimedBy(BOB, T.plusSeconds(60), LEASE))
                .isInstanceOf(CaseClaimedException.class);
        assertThat(claimed.claimedBy(BOB, T.plus(LEASE).plusSeconds(1), LEASE).claimantAt(T.plus(LEASE)))
                .contains("bob");
        assertThatThrownBy(() -> claimed.requireDecidableBy(BOB, T)).isInstanceOf(NotClaimantException.class);
    }

    @Test
    void leadsEachFirstInstanceDecisionToItsState() {
        assertThat(report().after(REMOVE).state()).isEqualTo(ReviewState.AWAITING_REMOVAL);
        assertThat(report().after(NO_VIOLATION).state()).isEqualTo(ReviewState.NO_VIOLATION);
        ReviewCase escalated = report().claimedBy(ALICE, T, LEASE).after(ESCALATE);
        assertThat(escalated.state()).isEqualTo(ReviewState.ESCALATED);
        assertThat(escalated.claim())
                .as("an escalated case goes back to the queue")
                .isEmpty();
        ReviewCase referred =
                report().after(new Decision.Refer(RemovalBasis.ILLEGAL_CONTENT, Optional.empty(), Optional.empty()));
        assertThat(referred.state()).isEqualTo(ReviewState.AWAITING_REMOVAL);
        assertThat(referred.severity()).isEqualTo(Severity.CHILD_SEXUAL_ABUSE);
    }

    @Test
    void refusesADecisionOnADecidedCaseAndASecondEscalation() {
        ReviewCase removed = report().after(REMOVE);
        assertThatThrownBy(() -> removed.after(NO_VIOLATION)).isInstanceOf(CaseNotDecidableException.class);
        ReviewCase escalated = report().after(ESCALATE);
        assertThatThrownBy(() -> escalated.after(ESCALATE)).isInstanceOf(InvalidDecisionException.class);
        assertThatThrownBy(() -> escalated.claimedBy(ALICE, T, LEASE))
                .isInstanceOf(SeniorModeratorRequiredException.class);
        assertThat(escalated.claimedBy(SAM, T, LEASE).after(NO_VIOLATION).state())
                .isEqualTo(ReviewState.NO_VIOLATION);
    }

    @Test
    void takesAppealDecisionsOnAppealCasesOnlyAndFromSeniorModeratorsOnly() {
        ReviewCase appeal = opened(Origin.APPEAL, Severity.INTIMATE_IMAGE_ABUSE);
        assertThat(appeal.needsSenior()).isTrue();
        assertThatThrownBy(() -> appeal.claimedBy(ALICE, T, LEASE))
                .isInstanceOf(SeniorModeratorRequiredException.class);
        assertThatThrownBy(() -> appeal.after(REMOVE)).isInstanceOf(InvalidDecisionException.class);
        assertThatThrownBy(() -> appeal.after(ESCALATE)).isInstanceOf(InvalidDecisionException.class);
        assertThatThrownBy(() -> report().after(REVERSE)).isInstanceOf(InvalidDecisionException.class);
        assertThat(appeal.after(REVERSE).state()).isEqualTo(ReviewState.REVERSED);
        assertThat(appeal.after(UPHOLD).state()).isEqualTo(ReviewState.UPHELD);
        assertThat(appeal.after(UPHOLD).state().clockRunning()).isFalse();
    }

    @Test
    void sendsAComplainedAboutCaseToTheSeniorsAndReopensOneClosedByANewReport() {
        assertThat(report().after(NO_VIOLATION).complainedAbout().state()).isEqualTo(ReviewState.ESCALATED);
        ReviewCase removed = report().after(REMOVE);
        assertThat(removed.complainedAbout()).isEqualTo(removed);
        ReviewCase reopened = report().after(NO_VIOLATION)
                .joinedByReport(
                        Severity.INTIMATE_IMAGE_ABUSE,
                        Source.BYSTANDER,
                        T.plusSeconds(3600),
                        T.plus(Duration.ofHours(49)));
        assertThat(reopened.state()).isEqualTo(ReviewState.OPEN);
        assertThat(reopened.receivedAt()).isEqualTo(T.plusSeconds(3600));
        assertThat(report().after(REMOVE).withdrawn()).isEmpty();
        assertThat(report().withdrawn())
                .hasValueSatisfying(c -> assertThat(c.state()).isEqualTo(ReviewState.WITHDRAWN));
    }

    @Test
    void liftsOnlyTheClockOfAReportedCaseUnderTheSection10ThreeBException() {
        ReviewCase claimed = report().claimedBy(ALICE, T, LEASE);
        ReviewCase lifted = claimed.after(new Decision.LiftDeadline(Optional.empty()));
        assertThat(lifted.state()).as("the content still waits for a judgement").isEqualTo(ReviewState.OPEN);
        assertThat(lifted.claimantAt(T)).as("back in the queue").isEmpty();
        assertThat(lifted.dueBy(T.plus(Duration.ofDays(7))).deadline()).isEqualTo(T.plus(Duration.ofDays(7)));
        assertThat(lifted.dueBy(T.plus(Duration.ofHours(1))).deadline())
                .as("never due sooner than before")
                .isEqualTo(T.plus(Duration.ofHours(48)));
        assertThat(lifted.dueBy(T.plus(Duration.ofDays(7))).after(REMOVE).state())
                .isEqualTo(ReviewState.AWAITING_REMOVAL);
        assertThatThrownBy(() -> opened(Origin.MATCH, Severity.INTIMATE_IMAGE_ABUSE)
                        .after(new Decision.LiftDeadline(Optional.empty())))
                .isInstanceOf(InvalidDecisionException.class);
    }

    @Test
    void readsTheExceptionNamedAsANoViolationReasonAsLiftingTheClock() {
        assertThat(Decision.of(
                        Outcome.NO_VIOLATION,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(NoViolationReason.REPORTER_NOT_SUBJECT_OR_AUTHORISED),
                        Optional.empty()))
                .isInstanceOf(Decision.LiftDeadline.class);
        assertThatThrownBy(() -> Decision.of(
                        Outcome.LIFT_DEADLINE,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(NoViolationReason.NOT_INTIMATE_IMAGE_CONTENT),
                        Optional.empty()))
                .isInstanceOf(InvalidDecisionException.class);
    }

    @Test
    void keepsAWarningOnlyWhereTheOldDeadlineWasAlreadyMissed() {
        ReviewCase warned = report().warned(T.plus(Duration.ofHours(40)));
        assertThat(warned.dueBy(T.plus(Duration.ofDays(7))).warnedAt()).isEmpty();
        ReviewCase breached = warned.breached(T.plus(Duration.ofHours(49)));
        assertThat(breached.dueBy(T.plus(Duration.ofDays(7))).breachedAt()).contains(T.plus(Duration.ofHours(49)));
    }
}
