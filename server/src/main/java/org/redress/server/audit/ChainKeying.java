package org.redress.server.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On start, when the chain's newest entry was written unkeyed by an earlier release, appends one
 * keyed entry ({@link ChainKeyed}) so that the unkeyed part is closed off at once, not only at the
 * next change.
 */
@Component
@ConditionalOnWebApplication
class ChainKeying {

    private final AuditTrail trail;
    private final AuditEntries entries;
    private final TransactionTemplate transactions;

    ChainKeying(AuditTrail trail, AuditEntries entries, TransactionTemplate transactions) {
        this.trail = trail;
        this.entries = entries;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void closeTheUnkeyedPart() {
        transactions.executeWithoutResult(status -> {
            entries.lockForAppend();
            entries.last()
                    .filter(head -> !AuditChain.isKeyed(head))
                    .ifPresent(head -> trail.record(new ChainKeyed(head.seq())));
        });
    }
}
