package org.redress.server.review;

import java.util.Objects;
import java.util.Optional;

/**
 * What a moderator decides on a case.
 *
 * @param outcome one of the closed set
 * @param basis for REMOVE: the ground (illegal content unless given)
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

    public static final int MAX_STATEMENT = 4000;
    public static final int MAX_POLICY = 200;

    /** @throws InvalidDecisionException when a required part is missing or too long */
    public DecisionRequest {
        Objects.requireNonNull(outcome, "outcome");
        policy = policy.map(String::strip).filter(p -> !p.isEmpty());
        statement = statement.map(String::strip).filter(s -> !s.isEmpty());
        if (policy.isPresent() && policy.get().length() > MAX_POLICY) {
            throw new InvalidDecisionException("policy", "is at most " + MAX_POLICY + " characters");
        }
        if (statement.isPresent() && statement.get().length() > MAX_STATEMENT) {
            throw new InvalidDecisionException("statement", "is at most " + MAX_STATEMENT + " characters");
        }
        switch (outcome) {
            case REMOVE, REFER -> {
                if (reason.isPresent()) {
                    throw new InvalidDecisionException("reasonCode", "applies to NO_VIOLATION only");
                }
                if (basis.orElse(RemovalBasis.ILLEGAL_CONTENT) == RemovalBasis.TERMS_OF_SERVICE && policy.isEmpty()) {
                    throw new InvalidDecisionException(
                            "policy", "names the terms clause when the basis is TERMS_OF_SERVICE");
                }
                basis = Optional.of(basis.orElse(RemovalBasis.ILLEGAL_CONTENT));
            }
            case NO_VIOLATION -> {
                if (reason.isEmpty()) {
                    throw new InvalidDecisionException("reasonCode", "is required for NO_VIOLATION (UK OSA s.10(3B))");
                }
                if (basis.isPresent()) {
                    throw new InvalidDecisionException("basis", "applies to REMOVE and REFER only");
                }
            }
            case ESCALATE -> {
                if (basis.isPresent() || reason.isPresent()) {
                    throw new InvalidDecisionException("outcome", "ESCALATE takes a statement only");
                }
            }
        }
    }
}
