package org.redress.server.review.decisions;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statement the uploader receives for the decision on their appeal (EU DSA Art. 20(5): a
 * reasoned decision, taken by a person, with the further routes of redress). It names neither the
 * reporter nor the moderators, and quotes no moderator's free text.
 *
 * @param decisionId the appeal decision
 * @param appealRef the appeal
 * @param appealedDecisionId the decision appealed against
 * @param contentId the content concerned
 * @param reversed whether the appealed decision was reversed (else it stands)
 * @param decidedAt when
 */
public record AppealStatement(
        String decisionId,
        String appealRef,
        String appealedDecisionId,
        String contentId,
        boolean reversed,
        Instant decidedAt) {

    public Map<String, Object> toMap() {
        var map = new LinkedHashMap<String, Object>();
        map.put("decisionId", decisionId);
        map.put("appealRef", appealRef);
        map.put("appealedDecisionId", appealedDecisionId);
        map.put("contentId", contentId);
        map.put("decidedAt", decidedAt.toString());
        map.put("outcome", reversed ? "REVERSED" : "UPHELD");
        map.put(
                "explanation",
                reversed
                        ? "A senior moderator who did not take the original decision reviewed the appeal and found "
                                + "that the item should not have been removed. The platform is asked to restore it, "
                                + "its fingerprint no longer blocks uploads, and the removal no longer counts "
                                + "against the account."
                        : "A senior moderator who did not take the original decision reviewed the appeal and found "
                                + "that the removal was right. The item stays removed.");
        map.put(
                "automatedMeans",
                Map.of("decision", false, "explanation", "A person decided the appeal, not automated means."));
        map.put(
                "redress",
                Map.of(
                        "outOfCourtDisputeSettlement",
                        "A certified out-of-court dispute settlement body (EU DSA Art. 21).",
                        "judicialRedress",
                        "The courts of your country."));
        return map;
    }
}
