package org.redress.server.intake;

import java.time.Instant;
import java.util.Objects;
import org.redress.server.shared.CaseRef;

/**
 * The person who made a report or hash submission withdrew it. Whatever it put into hash banks
 * must stop matching at once; published inside the withdrawal's transaction.
 *
 * @param caseRef the withdrawn case
 * @param withdrawnAt when the withdrawal was received
 */
public record ReportWithdrawn(CaseRef caseRef, Instant withdrawnAt) {

    public ReportWithdrawn {
        Objects.requireNonNull(caseRef, "caseRef");
        Objects.requireNonNull(withdrawnAt, "withdrawnAt");
    }
}
