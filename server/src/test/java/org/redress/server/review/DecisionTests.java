package org.redress.server.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The closed set of decisions: each variant carries exactly its own parts, and nothing else gets in. */
class DecisionTests {

    private static Decision of(
            Outcome outcome,
            Optional<RemovalBasis> basis,
            Optional<String> policy,
            Optional<NoViolationReason> reason) {
        return Decision.of(outcome, basis, policy, reason, Optional.of("  because  "));
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void makesOneVariantPerOutcomeAndNamesItBack(Outcome outcome) {
        Optional<NoViolationReason> reason =
                outcome == Outcome.NO_VIOLATION ? Optional.of(NoViolationReason.CONTENT_NOT_FOUND) : Optional.empty();
        Decision decision = of(outcome, Optional.empty(), Optional.empty(), reason);
        assertThat(decision.outcome()).isEqualTo(outcome);
        assertThat(decision.statement()).contains("because");
        assertThat(decision instanceof Decision.OnAppeal).isEqualTo(outcome.decidesAppeal());
        assertThat(DecisionRequest.of(decision).decision()).isEqualTo(decision);
    }

    @Test
    void defaultsARestrictionsBasisToIllegalContentAndRequiresAClauseForTheTerms() {
        assertThat(of(Outcome.REMOVE, Optional.empty(), Optional.of("  "), Optional.empty()))
                .isEqualTo(new Decision.Remove(RemovalBasis.ILLEGAL_CONTENT, Optional.empty(), Optional.of("because")));
        assertThatThrownBy(() -> new Decision.Refer(RemovalBasis.TERMS_OF_SERVICE, Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidDecisionException.class);
        assertThat(new Decision.Remove(RemovalBasis.TERMS_OF_SERVICE, Optional.of(" 4.2 "), Optional.empty()).policy())
                .contains("4.2");
    }

    @Test
    void refusesPartsThatBelongToAnotherOutcome() {
        assertThatThrownBy(() -> of(
                        Outcome.REMOVE,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(NoViolationReason.CONTENT_NOT_FOUND)))
                .isInstanceOf(InvalidDecisionException.class);
        assertThatThrownBy(() -> of(
                        Outcome.UPHOLD, Optional.of(RemovalBasis.ILLEGAL_CONTENT), Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidDecisionException.class);
        assertThatThrownBy(() -> of(
                        Outcome.REVERSE,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(NoViolationReason.CONTENT_NOT_FOUND)))
                .isInstanceOf(InvalidDecisionException.class);
        assertThat(of(Outcome.ESCALATE, Optional.empty(), Optional.of("4.2"), Optional.empty()))
                .as("a clause sent with an outcome that has none is not kept")
                .isEqualTo(new Decision.Escalate(Optional.of("because")));
        assertThatThrownBy(() -> of(Outcome.NO_VIOLATION, Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidDecisionException.class);
    }

    @Test
    void refusesAStatementOverTheLimit() {
        assertThatThrownBy(() -> new Decision.Reverse(Optional.of("x".repeat(Decision.MAX_STATEMENT + 1))))
                .isInstanceOf(InvalidDecisionException.class);
        assertThat(new Decision.Uphold(Optional.of("   ")).statement()).isEmpty();
    }
}
