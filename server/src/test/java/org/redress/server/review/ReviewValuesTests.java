package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.redress.server.intake.Channel;
import org.redress.server.intake.ReporterRole;
import org.redress.server.review.decisions.StatementOfReasons;
import org.redress.server.shared.CaseRef;

class ReviewValuesTests {

    private static final Instant T = Instant.parse("2026-12-01T09:00:00Z");
    private static final CaseRef REF = new CaseRef("RD-TEST-CASE-0001");

    private static ReviewCase opened() {
        return ReviewCase.opened(
                REF,
                Origin.REPORT,
                Optional.empty(),
                Severity.INTIMATE_IMAGE_ABUSE,
                Source.BYSTANDER,
                T,
                T.plus(Duration.ofHours(48)));
    }

    @Test
    void keepsTheEarliestDeadlineTheGravestSeverityAndTheMostUrgentSourceWhenReportsJoin() {
        ReviewCase joined = opened().joinedBy(
                        Severity.CHILD_SEXUAL_ABUSE, Source.REGULATOR, T.plus(Duration.ofHours(24)))
                .joinedBy(Severity.OTHER, Source.HASH_MATCH, T.plus(Duration.ofHours(60)));
        assertThat(joined.deadline()).isEqualTo(T.plus(Duration.ofHours(24)));
        assertThat(joined.severity()).isEqualTo(Severity.CHILD_SEXUAL_ABUSE);
        assertThat(joined.source()).isEqualTo(Source.REGULATOR);
    }

    @Test
    void countsABreachOnlyWhileTheClockRunsOrWhenTheRemovalCameLate() {
        ReviewCase open = opened();
        Instant deadline = open.deadline();
        assertThat(open.breachedAt(deadline)).isFalse();
        assertThat(open.breachedAt(deadline.plusMillis(1))).isTrue();
        assertThat(open.withState(ReviewState.NO_VIOLATION).breachedAt(deadline.plusSeconds(1)))
                .isFalse();
        assertThat(open.withState(ReviewState.AWAITING_REMOVAL).breachedAt(deadline.plusSeconds(1)))
                .isTrue();
        assertThat(open.removed(deadline.minusSeconds(1)).breachedAt(deadline.plus(Duration.ofDays(9))))
                .isFalse();
        assertThat(open.removed(deadline.plusSeconds(1)).breachedAt(deadline.plusSeconds(2)))
                .isTrue();
        assertThat(open.removed(deadline.minusSeconds(60)).remainingAt(deadline.plus(Duration.ofDays(1))))
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void dropsTheClaimWhenACaseLeavesTheQueue() {
        ReviewCase claimed = opened().withClaim(Optional.of(new Claim("alice", T.plus(Duration.ofMinutes(15)))));
        assertThat(claimed.claimantAt(T)).contains("alice");
        assertThat(claimed.claimantAt(T.plus(Duration.ofMinutes(15)))).isEmpty();
        assertThat(claimed.withState(ReviewState.AWAITING_REMOVAL).claim()).isEmpty();
        assertThat(claimed.withState(ReviewState.ESCALATED).claim()).isPresent();
    }

    @Test
    void ranksSourcesAsTheQueueOrdersThem() {
        assertThat(Source.of(Channel.REGULATOR, ReporterRole.BYSTANDER)).isEqualTo(Source.REGULATOR);
        assertThat(Source.of(Channel.FLAGGER, ReporterRole.SUBJECT)).isEqualTo(Source.TRUSTED_FLAGGER);
        assertThat(Source.of(Channel.PUBLIC, ReporterRole.ON_BEHALF)).isEqualTo(Source.PERSON_DEPICTED);
        assertThat(Source.of(Channel.PUBLIC, ReporterRole.BYSTANDER)).isEqualTo(Source.BYSTANDER);
        assertThat(Source.REGULATOR.rank()).isGreaterThan(Source.TRUSTED_FLAGGER.rank());
        assertThat(Source.TRUSTED_FLAGGER.rank()).isGreaterThan(Source.PERSON_DEPICTED.rank());
        assertThat(Source.PERSON_DEPICTED.rank()).isGreaterThan(Source.BYSTANDER.rank());
        assertThat(Source.BYSTANDER.rank()).isGreaterThan(Source.HASH_MATCH.rank());
    }

    @Test
    void requiresWhatEachOutcomeNeedsAndDefaultsTheRemovalBasisToIllegalContent() {
        var remove = new DecisionRequest(
                Outcome.REMOVE,
                Optional.empty(),
                Optional.of("  "),
                Optional.empty(),
                Optional.of("  "),
                Optional.empty());
        assertThat(remove.basis()).contains(RemovalBasis.ILLEGAL_CONTENT);
        assertThat(remove.policy()).isEmpty();
        assertThat(remove.statement()).isEmpty();
        assertThatThrownBy(() -> new DecisionRequest(
                        Outcome.REMOVE,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(NoViolationReason.CONTENT_NOT_FOUND),
                        Optional.empty(),
                        Optional.empty()))
                .isInstanceOf(InvalidDecisionException.class);
        assertThatThrownBy(() -> new DecisionRequest(
                        Outcome.NO_VIOLATION,
                        Optional.of(RemovalBasis.ILLEGAL_CONTENT),
                        Optional.empty(),
                        Optional.of(NoViolationReason.CONTENT_NOT_FOUND),
                        Optional.empty(),
                        Optional.empty()))
                .isInstanceOf(InvalidDecisionException.class);
        assertThatThrownBy(() -> new DecisionRequest(
                        Outcome.ESCALATE,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("x".repeat(DecisionRequest.MAX_STATEMENT + 1)),
                        Optional.empty()))
                .isInstanceOf(InvalidDecisionException.class);
    }

    @Test
    void givesEveryElementOfDsaArticle17InAStatementOfReasons() {
        var illegal = new StatementOfReasons(
                        "d-1",
                        REF.value(),
                        "post-1",
                        T,
                        "Reported by the person shown.",
                        true,
                        RemovalBasis.ILLEGAL_CONTENT,
                        Optional.empty(),
                        Optional.of("No consent."),
                        2,
                        3,
                        "https://example.org/appeal",
                        java.time.Period.ofMonths(6))
                .toMap();
        assertThat(illegal)
                .containsKeys(
                        "restriction",
                        "facts",
                        "automatedMeans",
                        "legalGround",
                        "redress",
                        "accountStanding",
                        "moderatorStatement");
        assertThat(illegal).doesNotContainKey("contractualGround");
        assertThat(illegal.get("redress").toString())
                .contains("https://example.org/appeal")
                .contains("P6M");
        var terms = new StatementOfReasons(
                        "d-2",
                        REF.value(),
                        "post-2",
                        T,
                        "Matched.",
                        false,
                        RemovalBasis.TERMS_OF_SERVICE,
                        Optional.of("Terms 4.2"),
                        Optional.empty(),
                        0,
                        3,
                        "https://example.org/appeal?t=x",
                        java.time.Period.ofMonths(7))
                .toMap();
        assertThat(terms).containsKey("contractualGround").doesNotContainKeys("legalGround", "accountStanding");
        assertThat(terms.get("contractualGround").toString()).contains("Terms 4.2");
    }
}
