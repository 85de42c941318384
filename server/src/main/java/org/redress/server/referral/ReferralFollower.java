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
    private final ReviewSettings review;
    private final Clock clock;

    ReferralFollower(ReferralStore store, ReviewSettings review, Clock clock) {
        this.store = store;
        this.review = review;
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
        store.queue(
                change.caseRef(),
                Agency.named(review.referralAgency()),
                change.actor().id(),
                now,
                retainUntil);
    }
}
