package org.redress.server.transparency;

import java.io.Writer;
import org.redress.server.enforcement.EnforcementStatistics.AutomatedBlock;
import org.redress.server.review.ReviewStatistics.DecisionRow;

/**
 * The per-decision export: one line per decision, a moderator's ({@code HUMAN}) or a check's
 * automated block ({@code AUTOMATED}, outcome {@code BLOCK}). No names and no free text: the
 * statement of reasons stays with the case.
 */
final class DecisionCsv {

    static final String[] COLUMNS = {
        "decision_id",
        "kind",
        "case_ref",
        "origin",
        "source",
        "outcome",
        "basis",
        "reason_code",
        "decided_at",
        "case_received_at",
        "case_deadline"
    };

    private final Csv csv;

    DecisionCsv(Writer out) {
        this.csv = new Csv(out);
    }

    void header() {
        csv.line((Object[]) COLUMNS);
    }

    void human(DecisionRow d) {
        csv.line(
                d.id(),
                "HUMAN",
                d.caseRef(),
                d.origin(),
                d.source(),
                d.outcome(),
                d.basis().orElse(""),
                d.reasonCode().orElse(""),
                d.decidedAt(),
                d.caseReceivedAt(),
                d.caseDeadline());
    }

    void automated(AutomatedBlock b) {
        csv.line(b.id(), "AUTOMATED", b.caseRef(), "", "HASH_MATCH", "BLOCK", "", "", b.blockedAt(), "", "");
    }
}
