package org.redress.server.matching;

import java.util.List;

/**
 * The answer to an upload check: the strictest action among the matching banks, and the matches
 * ordered by distance.
 */
public record CheckResult(Verdict verdict, List<CheckMatch> matches) {

    public CheckResult {
        matches = List.copyOf(matches);
    }

    /** One matching entry. */
    public record CheckMatch(BankName bank, long entryId, int distance, BankAction action) {}
}
