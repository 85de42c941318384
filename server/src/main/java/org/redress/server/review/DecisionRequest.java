package org.redress.server.review;

import java.util.Objects;
import java.util.Optional;

/**
 * A decision as forms and the API send it: an outcome with optional parts. It is checked by
 * turning it into a {@link Decision} at once, so an inconsistent request never exists.
 *
 * @param outcome one of the closed set
 * @param basis for REMOVE and REFER: the ground (illegal content unless given)
 * @param policy the terms clause relied on; required when the basis is the terms of service
 * @param reason for NO_VIOLATION: the s.10(3B) reason code (required)
 * @param statement the moderator's own words, for the record and the statement of reasons
 * @param expectedVersion the case version the moderator saw, if the caller wants a stale-page check
 */
public record DecisionRequest(
        Outcome outcome,
        Optional<RemovalBasis> basis,
        Optional<String> policy,
        Optional<NoViolationReason> reason,
        Optional<String> statement,
        Optional<Long> expectedVersion) {

    public static final int MAX_STATEMENT = Decision.MAX_STATEMENT;
    public static final int MAX_POLICY = Decision.MAX_POLICY;

    /** @throws InvalidDecisionException when a required part is missing, too long, or not the outcome's */
    public DecisionRequest {
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Decision decision = Decision.of(outcome, basis, policy, reason, statement);
        basis = decision instanceof Decision.Restriction r ? Optional.of(r.basis()) : Optional.empty();
        policy = decision instanceof Decision.Restriction r ? r.policy() : Optional.empty();
        statement = decision.statement();
    }

    /** The request for this decision, without a stale-page check. */
    public static DecisionRequest of(Decision decision) {
        return new DecisionRequest(
                decision.outcome(),
                decision instanceof Decision.Restriction r ? Optional.of(r.basis()) : Optional.empty(),
                decision instanceof Decision.Restriction r ? r.policy() : Optional.empty(),
                decision instanceof Decision.NoViolation n ? Optional.of(n.reason()) : Optional.empty(),
                decision.statement(),
                Optional.empty());
    }

    /** The decision this request makes. */
    public Decision decision() {
        return Decision.of(outcome, basis, policy, reason, statement);
    }
}
