package org.redress.server.intake;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.shared.CaseRef;

/**
 * What a reporter is given: the case reference and their own status token (shown once).
 *
 * @param caseRef the case the report joined or opened
 * @param statusToken the reporter's secret for the status link
 * @param receivedAt when the report was received
 * @param removalDeadline when the content must be gone, for reports (not for protected hashes)
 * @param route where the case goes
 */
public record Receipt(
        CaseRef caseRef, String statusToken, Instant receivedAt, Optional<Instant> removalDeadline, Route route) {

    public Receipt {
        Objects.requireNonNull(caseRef, "caseRef");
        Objects.requireNonNull(statusToken, "statusToken");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(removalDeadline, "removalDeadline");
        Objects.requireNonNull(route, "route");
    }

    @Override
    public String toString() {
        return "Receipt[caseRef=" + caseRef + ", statusToken=redacted, receivedAt=" + receivedAt + ", removalDeadline="
                + removalDeadline + ", route=" + route + "]";
    }
}
