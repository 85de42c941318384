package org.redress.server.review;

import java.time.Instant;
import java.util.Optional;
import org.redress.server.shared.CaseRef;

/**
 * A decision as recorded: the row {@code review_decision} keeps, flat so that every variant of
 * {@link Decision} fits it.
 *
 * @param id the decision id
 * @param caseRef the case
 * @param decidedBy the moderator's username
 * @param outcome what was decided
 * @param basis the ground of a removal
 * @param reason the reason code of a no-violation decision
 * @param policy the terms clause relied on
 * @param statement the moderator's own words
 * @param statementOfReasons the statement of reasons sent to the uploader, as JSON
 * @param decidedAt when
 */
public record RecordedDecision(
        String id,
        String caseRef,
        String decidedBy,
        Outcome outcome,
        Optional<RemovalBasis> basis,
        Optional<NoViolationReason> reason,
        Optional<String> policy,
        Optional<String> statement,
        Optional<String> statementOfReasons,
        Instant decidedAt) {

    static RecordedDecision of(
            String id,
            CaseRef ref,
            String decidedBy,
            Decision decision,
            Optional<String> statementOfReasons,
            Instant decidedAt) {
        var request = DecisionRequest.of(decision);
        return new RecordedDecision(
                id,
                ref.value(),
                decidedBy,
                decision.outcome(),
                request.basis(),
                request.reason(),
                request.policy(),
                decision.statement(),
                statementOfReasons,
                decidedAt);
    }

    /** The decision this row records. */
    public Decision decision() {
        return Decision.of(outcome, basis, policy, reason, statement);
    }

    /** Whether this decision restricted content (a removal or a referral). */
    public boolean restricts() {
        return outcome == Outcome.REMOVE || outcome == Outcome.REFER;
    }
}
