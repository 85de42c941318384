package org.redress.server.review.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.redress.server.review.DecisionRequest;
import org.redress.server.review.NoViolationReason;
import org.redress.server.review.Outcome;
import org.redress.server.review.RemovalBasis;

/**
 * The decision form's problems, all of them at once and each in words that say what to do; the
 * service checks the same rules again when the decision is recorded ({@link DecisionRequest}).
 */
final class DecisionForm {

    private DecisionForm() {}

    static List<String> problems(
            Optional<Outcome> outcome, String basis, String policy, String reasonCode, String statement) {
        List<String> problems = new ArrayList<>();
        if (outcome.isEmpty()) {
            problems.add("Choose a decision.");
        }
        if (outcome.equals(Optional.of(Outcome.NO_VIOLATION)) && !known(NoViolationReason.class, reasonCode)) {
            problems.add("Choose the reason for a no-violation decision: the law asks for one (UK OSA s.10(3B)).");
        }
        boolean removal = outcome.equals(Optional.of(Outcome.REMOVE)) || outcome.equals(Optional.of(Outcome.REFER));
        if (removal && RemovalBasis.TERMS_OF_SERVICE.name().equals(basis) && policy.isBlank()) {
            problems.add("Name the terms clause that a removal under the terms of service relies on.");
        }
        if (policy.strip().length() > DecisionRequest.MAX_POLICY) {
            problems.add("Keep the terms clause to " + DecisionRequest.MAX_POLICY + " characters.");
        }
        if (statement.strip().length() > DecisionRequest.MAX_STATEMENT) {
            problems.add("Keep the statement to " + DecisionRequest.MAX_STATEMENT + " characters.");
        }
        return problems;
    }

    private static <E extends Enum<E>> boolean known(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
