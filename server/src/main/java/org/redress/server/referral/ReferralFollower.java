package org.redress.server.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.redress.server.review.ReviewChanged;
import org.redress.server.review.ReviewSettings;
import org.redress.server.storage.SqlDialect;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows review's decisions: a {@code REFER} decision queues a referral to the configured agency
 * in the decision's own transaction, so a decision is never recorded without its referral. Only
 * the row is written here; building and sending happen afterwards and can never undo the decision.
 */
@Component
class ReferralFollower {

    static final String REFER_DECIDED = "case.decided:refer";

    private final ReferralStore store;
    private final Agency agency;
    private final Clock clock;

    /** @throws IllegalArgumentException at start when review's agency is neither NCA nor NCMEC */
    ReferralFollower(ReferralStore store, ReviewSettings review, Clock clock) {
        this.store = store;
        // Checked here rather than at the first decision, which a bad name would otherwise roll back.
        this.agency = Agency.named(review.referralAgency());
        this.clock = clock;
    }

    @EventListener
    void on(ReviewChanged change) {
        if (!REFER_DECIDED.equals(change.action())) {
            return;
        }
        Instant now = SqlDialect.truncate(clock.instant());
        Instant retainUntil = now.atOffset(ZoneOffset.UTC)
                .plus(ReferralRecords.KEEP_REFERENCE)
                .toInstant();
        store.queue(change.caseRef(), agency, change.actor().id(), now, retainUntil);
    }
}
