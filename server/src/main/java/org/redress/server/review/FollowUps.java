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
 * which scans earlier uploads for copies) and the message about a threat to life. The causing
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

    private final FollowUpQueue queue;
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
            PlatformTransactionManager transactionManager) {
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
                transactions.executeWithoutResult(status -> {
                    switch (due.kind()) {
                        case BANK_REMOVED_CONTENT -> bank(due.caseRef(), due.target());
                        case NOTIFY_THREAT -> threats.notify(due.target());
                    }
                    queue.done(due.id(), log.now());
                });
                done++;
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
