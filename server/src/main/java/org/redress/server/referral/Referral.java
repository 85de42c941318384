package org.redress.server.referral;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.shared.CaseRef;

/**
 * A referral as staff see it: no personal data, the sealed report stays in the database.
 *
 * @param id the referral's id
 * @param caseRef the case referred
 * @param agency who it goes to
 * @param state where it stands
 * @param decidedBy the senior moderator whose decision made it
 * @param createdAt when the decision was recorded
 * @param reportId the agency's reference for it, once the agency gave one
 * @param submittedAt when the agency accepted the report
 * @param finishedAt when the report was finished at the agency (or its reference recorded)
 * @param retainUntil when its record may go: five years after it was made (S.I. 2026/268)
 * @param attempts failed attempts to send it so far
 * @param lastError the kind of the last failure, while it is being retried
 * @param steps its history, oldest first
 */
public record Referral(
        String id,
        CaseRef caseRef,
        Agency agency,
        ReferralState state,
        String decidedBy,
        Instant createdAt,
        Optional<String> reportId,
        Optional<Instant> submittedAt,
        Optional<Instant> finishedAt,
        Instant retainUntil,
        int attempts,
        Optional<String> lastError,
        List<Step> steps) {

    public Referral {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseRef, "caseRef");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(lastError, "lastError");
        steps = List.copyOf(steps);
    }

    /**
     * One step of a referral.
     *
     * @param at when
     * @param step what happened, such as {@code BUILT} or {@code SUBMITTED}
     * @param detail what it carried: the returned report id, the failure's kind
     */
    public record Step(Instant at, String step, Optional<String> detail) {}
}
