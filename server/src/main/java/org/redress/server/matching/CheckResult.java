package org.redress.server.matching;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to an upload check: the strictest action among the matching banks, the matches
 * ordered by distance, and for a BLOCK the statement of reasons of that automated decision.
 */
public record CheckResult(Verdict verdict, List<CheckMatch> matches, Optional<BlockStatement> statement) {

    public CheckResult {
        matches = List.copyOf(matches);
        Objects.requireNonNull(statement, "statement");
    }

    /**
     * One matching entry.
     *
     * @param provisional whether no person has confirmed the entry yet
     * @param variant which of the entry's hashes gave the distance: {@code ORIGINAL}, or the
     *     rotation, mirroring or framing of the banked image ({@link BankEntry#VARIANT_NAMES})
     */
    public record CheckMatch(
            BankName bank, long entryId, int distance, BankAction action, boolean provisional, String variant) {}

    /**
     * Whether the upload is blocked by entries no person has confirmed only: no confirmed entry of a
     * BLOCK bank matched, so releasing those entries would let it through.
     */
    public boolean blockedProvisionally() {
        return verdict == Verdict.BLOCK
                && matches.stream().filter(m -> m.action() == BankAction.BLOCK).allMatch(CheckMatch::provisional);
    }
}
