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
 * The heavy part of a confirmed removal, done after the acknowledgement commits: decrypting the
 * kept image, hashing it with its rotations and mirrorings, and banking it (which scans earlier
 * uploads for copies). The acknowledgement's own transaction stays short and touches only what
 * the clock needs; a failure here is retried with backoff and never undoes the acknowledgement.
 */
@Component
class RemovalFollowUps {

    private static final Logger LOG = LoggerFactory.getLogger(RemovalFollowUps.class);
    // Banking one item takes well under a second; a replica that dies mid-batch frees its rows after this.
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final OutboxClaims.Backoff BACKOFF =
            new OutboxClaims.Backoff(Duration.ofSeconds(5), Duration.ofHours(1));

    private final FollowUpQueue queue;
    private final Matching matching;
    private final CaseMedia media;
    private final CaseLog log;
    private final TransactionTemplate transactions;

    RemovalFollowUps(
            FollowUpQueue queue,
            Matching matching,
            CaseMedia media,
            CaseLog log,
            PlatformTransactionManager transactionManager) {
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
                    bank(due.caseRef(), due.contentId());
                    queue.done(due.id(), log.now());
                });
                done++;
            } catch (RuntimeException e) {
                Duration wait = BACKOFF.after(due.attempts() + 1);
                queue.retryLater(
                        due.id(), e.getClass().getSimpleName(), log.now().plus(wait));
                LOG.warn(
                        "Banking removed content of case {} failed ({}); retrying in {} s",
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
