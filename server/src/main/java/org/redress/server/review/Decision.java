package org.redress.server.review;

import java.util.Objects;
import java.util.Optional;

/**
 * What a moderator decides on a case: a closed set, each variant carrying exactly its own parts.
 * First-instance decisions ({@link Initial}) are taken on reported and matched cases; an appeal
 * case takes {@link OnAppeal} decisions only. {@link ReviewCase#after(Decision)} guards which case
 * can take which decision; a new variant is a compile error wherever decisions are handled until
 * it is handled there.
 */
public sealed interface Decision {

    int MAX_STATEMENT = 4000;
    int MAX_POLICY = 200;

    /** The stored and wire name of this decision. */
    Outcome outcome();

    /** The moderator's own words, for the record and, where one is sent, the statement of reasons. */
    Optional<String> statement();

    /** Decisions on a report's or a match's case. */
    sealed interface Initial extends Decision {}

    /** Decisions that restrict the content: each asks the platform to remove it, with a statement of reasons. */
    sealed interface Restriction extends Initial {
        RemovalBasis basis();

        /** The terms clause relied on; present exactly when the basis is the terms of service. */
        Optional<String> policy();
    }

    /** Decisions on an uploader's appeal, taken by a senior moderator other than the one who decided. */
    sealed interface OnAppeal extends Decision {}

    /** Remove the content at the platform; its hashes are banked once removal is confirmed. */
    record Remove(RemovalBasis basis, Optional<String> policy, Optional<String> statement) implements Restriction {
        public Remove {
            policy = checkedPolicy(basis, policy);
            statement = checkedStatement(statement);
        }

        @Override
        public Outcome outcome() {
            return Outcome.REMOVE;
        }
    }

    /** Child sexual abuse material: remove and record the referral for the NCA or NCMEC. */
    record Refer(RemovalBasis basis, Optional<String> policy, Optional<String> statement) implements Restriction {
        public Refer {
            policy = checkedPolicy(basis, policy);
            statement = checkedStatement(statement);
        }

        @Override
        public Outcome outcome() {
            return Outcome.REFER;
        }
    }

    /** Not a violation, with a reason code of UK OSA s.10(3B); the case closes. */
    record NoViolation(NoViolationReason reason, Optional<String> statement) implements Initial {
        public NoViolation {
            Objects.requireNonNull(reason, "reason");
            statement = checkedStatement(statement);
        }

        @Override
        public Outcome outcome() {
            return Outcome.NO_VIOLATION;
        }
    }

    /** Send the case to a senior moderator. */
    record Escalate(Optional<String> statement) implements Initial {
        public Escalate {
            statement = checkedStatement(statement);
        }

        @Override
        public Outcome outcome() {
            return Outcome.ESCALATE;
        }
    }

    /**
     * UK OSA s.10(3B): the reporter is neither the person shown nor acting for them. The exception
     * lifts only the 48-hour duty: the content still gets an illegal-content judgement (s.10(3)(b)),
     * so the case goes back to the queue with the ordinary target and ends in another decision.
     */
    record LiftDeadline(Optional<String> statement) implements Initial {
        public LiftDeadline {
            statement = checkedStatement(statement);
        }

        @Override
        public Outcome outcome() {
            return Outcome.LIFT_DEADLINE;
        }
    }

    /** The appealed decision stands. */
    record Uphold(Optional<String> statement) implements OnAppeal {
        public Uphold {
            statement = checkedStatement(statement);
        }

        @Override
        public Outcome outcome() {
            return Outcome.UPHOLD;
        }
    }

    /** The appealed decision was wrong: the content is restored, its bank entries disabled, its strike taken back. */
    record Reverse(Optional<String> statement) implements OnAppeal {
        public Reverse {
            statement = checkedStatement(statement);
        }

        @Override
        public Outcome outcome() {
            return Outcome.REVERSE;
        }
    }

    /**
     * The decision the parts of a request make (the HTTP and form shape: an outcome with optional
     * parts). A policy clause is ignored where the outcome has none: the decision form sends its
     * field whatever the outcome.
     *
     * @throws InvalidDecisionException when a part the outcome needs is missing, or one it must not have is given
     */
    static Decision of(
            Outcome outcome,
            Optional<RemovalBasis> basis,
            Optional<String> policy,
            Optional<NoViolationReason> reason,
            Optional<String> statement) {
        Objects.requireNonNull(outcome, "outcome");
        if (reason.isPresent() && outcome != Outcome.NO_VIOLATION && outcome != Outcome.LIFT_DEADLINE) {
            throw new InvalidDecisionException("reasonCode", "applies to NO_VIOLATION only");
        }
        if (outcome == Outcome.LIFT_DEADLINE
                && reason.filter(r -> r != NoViolationReason.REPORTER_NOT_SUBJECT_OR_AUTHORISED)
                        .isPresent()) {
            throw new InvalidDecisionException(
                    "reasonCode", "LIFT_DEADLINE takes REPORTER_NOT_SUBJECT_OR_AUTHORISED only");
        }
        // Older clients name the s.10(3B) exception as a no-violation reason; it lifts the clock only.
        if (reason.filter(r -> r == NoViolationReason.REPORTER_NOT_SUBJECT_OR_AUTHORISED)
                .isPresent()) {
            return new LiftDeadline(statement);
        }
        if (basis.isPresent() && outcome != Outcome.REMOVE && outcome != Outcome.REFER) {
            throw new InvalidDecisionException("basis", "applies to REMOVE and REFER only");
        }
        return switch (outcome) {
            case REMOVE -> new Remove(basis.orElse(RemovalBasis.ILLEGAL_CONTENT), policy, statement);
            case REFER -> new Refer(basis.orElse(RemovalBasis.ILLEGAL_CONTENT), policy, statement);
            case NO_VIOLATION ->
                new NoViolation(
                        reason.orElseThrow(() -> new InvalidDecisionException(
                                "reasonCode", "is required for NO_VIOLATION (UK OSA s.10(3B))")),
                        statement);
            case ESCALATE -> new Escalate(statement);
            case LIFT_DEADLINE -> new LiftDeadline(statement);
            case UPHOLD -> new Uphold(statement);
            case REVERSE -> new Reverse(statement);
        };
    }

    private static Optional<String> checkedStatement(Optional<String> statement) {
        Optional<String> stripped = statement.map(String::strip).filter(s -> !s.isEmpty());
        if (stripped.isPresent() && stripped.get().length() > MAX_STATEMENT) {
            throw new InvalidDecisionException("statement", "is at most " + MAX_STATEMENT + " characters");
        }
        return stripped;
    }

    private static Optional<String> checkedPolicy(RemovalBasis basis, Optional<String> policy) {
        Objects.requireNonNull(basis, "basis");
        Optional<String> stripped = policy.map(String::strip).filter(p -> !p.isEmpty());
        if (stripped.isPresent() && stripped.get().length() > MAX_POLICY) {
            throw new InvalidDecisionException("policy", "is at most " + MAX_POLICY + " characters");
        }
        if (basis == RemovalBasis.TERMS_OF_SERVICE && stripped.isEmpty()) {
            throw new InvalidDecisionException("policy", "names the terms clause when the basis is TERMS_OF_SERVICE");
        }
        return stripped;
    }
}
