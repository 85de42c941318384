package org.redress.server.review;

import java.util.Optional;
import java.util.Set;

/**
 * Everything a moderator needs to answer a complaint.
 *
 * @param complaint the complaint
 * @param text what the complainant wrote (personal data: never printed)
 * @param caseState the state of the case complained about, when review has the case
 * @param deciders who decided that case: none of them may own the complaint
 */
public record ComplaintFile(
        ReviewComplaint complaint, String text, Optional<ReviewState> caseState, Set<String> deciders) {

    @Override
    public String toString() {
        return "ComplaintFile[complaint=" + complaint + ", text=redacted, caseState=" + caseState + ", deciders="
                + deciders + "]";
    }
}
