package org.redress.server.review.cases;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** On start, seals the uploader ids that rows of earlier releases hold in plain text. */
@Component
class UploaderRowsAtRest {

    private static final Logger log = LoggerFactory.getLogger(UploaderRowsAtRest.class);

    private final ReviewCases cases;
    private final TransactionTemplate transactions;

    UploaderRowsAtRest(ReviewCases cases, TransactionTemplate transactions) {
        this.cases = cases;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealLegacyRows() {
        Integer changed = transactions.execute(status -> cases.sealLegacyUploaderRows());
        if (changed != null && changed > 0) {
            log.info("Review: {} rows of uploader ids from an earlier release encrypted or pseudonymised", changed);
        }
    }
}
