package org.redress.server.evidence;

import org.redress.server.media.RetentionHold;
import org.springframework.stereotype.Component;

/** Tells media's retention sweep which content a legal hold on a case keeps. */
@Component
class CaseHoldRetention implements RetentionHold {

    private final EvidenceRecords records;

    CaseHoldRetention(EvidenceRecords records) {
        this.records = records;
    }

    @Override
    public boolean keeps(String contentId) {
        return records.contentHeld(contentId);
    }
}
