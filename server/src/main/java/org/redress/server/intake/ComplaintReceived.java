package org.redress.server.intake;

import java.time.Instant;
import java.util.Objects;
import org.redress.server.shared.CaseRef;

/**
 * Someone complained about how their case is handled (UK OSA s.21(2A), the expedited route).
 * Carries no personal data: whoever must answer reads the text through {@link Intake#complaints}.
 * Published inside the complaint's transaction.
 *
 * @param caseRef the case complained about
 * @param complaintId the complaint
 * @param receivedAt when it arrived
 */
public record ComplaintReceived(CaseRef caseRef, String complaintId, Instant receivedAt) {

    public ComplaintReceived {
        Objects.requireNonNull(caseRef, "caseRef");
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
