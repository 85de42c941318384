package org.redress.server.intake;

import java.time.Instant;
import java.util.Objects;
import org.redress.server.shared.CaseRef;

/**
 * Someone complained about how their case is handled (UK OSA s.21(2A)). Carries no personal data:
 * whoever must answer reads the text through {@link Intake#complaints}. Published inside the
 * complaint's transaction.
 *
 * @param caseRef the case complained about
 * @param complaintId the complaint
 * @param receivedAt when it arrived
 * @param type what it is about
 * @param expedited the complainant asked for removal as the person shown or for them (UK OSA s.20A), so
 *     the complaint is answered on the expedited route
 */
public record ComplaintReceived(
        CaseRef caseRef, String complaintId, Instant receivedAt, ComplaintType type, boolean expedited) {

    public ComplaintReceived {
        Objects.requireNonNull(caseRef, "caseRef");
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(type, "type");
    }
}
