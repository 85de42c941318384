package org.redress.server.review;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.redress.server.matching.Matching;
import org.redress.server.review.cases.FollowUpQueue;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.redress.server.storage.OutboxClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What review does after a commit, from {@link FollowUpQueue}: the heavy part of a confirmed
 * removal (decrypting the kept image, hashing it with its rotations and mirrorings, banking it,
 * which scans earlier uploads for copies), the message about a threat to life, and the search for
 * copies of a reported case's items before its decision (docs/adr/0029). The causing
 * transaction stays short; a failure here is retried with backoff and never undoes its cause.
 */
@Component
class FollowUps {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUps.class);
    // One row takes well under a second; a replica that dies mid-batch frees its rows after this.
    private static final Duration LEASE = Duration.ofMinutes(2);
    // A threat's message is due within the hour: retries stay frequent.
    private static final OutboxClaims.Backoff BACKOFF =
            new OutboxClaims.Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10));

    /** The error a copy search records while its item has no hashes yet. */
    static final String NOT_CHECKED_YET = "NOT_CHECKED_YET";

    private final FollowUpQueue queue;
    private final CaseCopies copies;
    private final Matching matching;
    private final CaseMedia media;
    private final ThreatDesk threats;
    private final CaseLog log;
    private final TransactionTemplate transactions;

    FollowUps(
            FollowUpQueue queue,
            Matching matching,
            CaseMedia media,
            ThreatDesk threats,
            CaseLog log,
            PlatformTransactionManager transactionManager,
            CaseCopies copies) {
        this.copies = copies;
        this.threats = threats;
        this.queue = queue;
        this.matching = matching;
        this.media = media;
        this.log = log;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Queues the banking of a removed item, in the acknowledgement's transaction. */
    void bankAfterCommit(CaseRef ref, String contentId, Instant at) {
        queue.queue(ref, contentId, FollowUpQueue.Kind.BANK_REMOVED_CONTENT, at);
    }

    /** Does what is due, each row in its own transaction; returns how many rows were done. */
    synchronized int run() {
        Instant now = log.now();
        if (!queue.anyDue(now)) {
            return 0;
        }
        int done = 0;
        for (FollowUpQueue.Due due : queue.claim(now, LEASE, 20)) {
            try {
                boolean finished = Boolean.TRUE.equals(transactions.execute(status -> doOne(due)));
                if (finished) {
                    done++;
                }
            } catch (RuntimeException e) {
                Duration wait = BACKOFF.after(due.attempts() + 1);
                queue.retryLater(
                        due.id(), e.getClass().getSimpleName(), log.now().plus(wait));
                LOG.warn(
                        "Follow-up {} of case {} failed ({}); retrying in {} s",
                        due.kind(),
                        due.caseRef().value(),
                        e.getClass().getSimpleName(),
                        wait.toSeconds());
            }
        }
        return done;
    }

    /** Does one row in the caller's transaction; returns false when it is to be tried again later. */
    private boolean doOne(FollowUpQueue.Due due) {
        boolean complete = switch (due.kind()) {
            case BANK_REMOVED_CONTENT -> {
                bank(due.caseRef(), due.target());
                yield true;
            }
            case NOTIFY_THREAT -> {
                threats.notify(due.target());
                yield true;
            }
            case FIND_COPIES -> copies.joinCopies(due.caseRef(), due.target());
        };
        if (complete) {
            queue.done(due.id(), log.now());
        } else {
            // No check registered the item yet: it is looked for again while the case waits.
            queue.retryLater(due.id(), NOT_CHECKED_YET, log.now().plus(BACKOFF.after(due.attempts() + 1)));
        }
        return complete;
    }

    private void bank(CaseRef ref, String contentId) {
        int banked = matching.bankConfirmedRemoval(
                        CaseLog.SYSTEM, ref, new ContentId(contentId), media.keptImage(contentId))
                .size();
        log.step(
                ref,
                CaseLog.SYSTEM,
                banked > 0 ? HistoryStep.HASHES_BANKED : HistoryStep.NO_HASHES_TO_BANK,
                Optional.of(contentId + " " + banked));
    }
}
