package org.redress.server.evidence;

import org.redress.server.media.RetentionHold;
import org.springframework.stereotype.Component;

/** Tells media's retention sweep which content a legal hold (on its case or on the item) keeps now. */
@Component
class CaseHoldRetention implements RetentionHold {

    private final LegalHolds holds;

    CaseHoldRetention(LegalHolds holds) {
        this.holds = holds;
    }

    @Override
    public boolean keeps(String contentId) {
        return holds.contentHeld(contentId);
    }
}
