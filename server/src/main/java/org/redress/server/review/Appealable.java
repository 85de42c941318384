package org.redress.server.review;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.shared.CaseRef;

/**
 * A decision's restriction of one content item, which its uploader may appeal.
 *
 * @param caseRef the case decided
 * @param decisionId the restricting decision (a removal or a referral)
 * @param decidedBy the moderator who took it: never the one who decides the appeal
 * @param decidedAt when: the appeal window runs from here
 * @param contentId the content restricted
 * @param uploaderId who uploaded it, when known (personal data: never printed)
 * @param removedAt when the platform confirmed the removal (and a strike was counted)
 */
public record Appealable(
        CaseRef caseRef,
        String decisionId,
        String decidedBy,
        Instant decidedAt,
        String contentId,
        Optional<String> uploaderId,
        Optional<Instant> removedAt) {

    public Appealable {
        Objects.requireNonNull(caseRef, "caseRef");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(uploaderId, "uploaderId");
        Objects.requireNonNull(removedAt, "removedAt");
    }

    @Override
    public String toString() {
        return "Appealable[caseRef=" + caseRef.value() + ", decisionId=" + decisionId + ", uploaderId=redacted]";
    }
}
