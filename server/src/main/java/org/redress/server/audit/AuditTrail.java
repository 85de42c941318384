package org.redress.server.audit;

import java.time.Clock;
import org.redress.server.shared.AuditedChange;
import org.redress.server.storage.SqlDialect;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log's facade. It records every {@link AuditedChange} published inside a transaction
 * (a change published outside one fails, because an entry written apart from its change could
 * survive the change's rollback or be lost with its commit), and verifies the whole chain.
 */
@Service
public class AuditTrail {

    private static final int PAGE = 1_000;

    private final AuditEntries entries;
    private final Clock clock;

    AuditTrail(AuditEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** Appends one entry for the change, in the caller's transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(AuditedChange change) {
        entries.lockForAppend();
        var previous = entries.last();
        long seq = previous.map(AuditEntry::seq).orElse(0L) + 1;
        String prevHash = previous.map(AuditEntry::entryHash).orElse(AuditChain.GENESIS);
        var at = SqlDialect.truncate(clock.instant());
        var actor = change.actor();
        var subject = change.subject();
        String hash = AuditChain.hash(seq, at, actor.kind(), actor.id(), change.action(), subject.type(),
                subject.id(), prevHash);
        var entry = new AuditEntry(seq, at, actor.kind(), actor.id(), change.action(), subject.type(),
                subject.id(), prevHash, hash);
        entries.append(entry);
        return entry;
    }

    /** Up to {@code limit} (at most 1000) entries after {@code afterSeq}, in chain order, for auditors to re-check. */
    public java.util.List<AuditEntry> entries(long afterSeq, int limit) {
        if (limit < 1 || limit > PAGE) {
            throw new IllegalArgumentException("limit must be within [1, " + PAGE + "]: " + limit);
        }
        return entries.after(Math.max(0, afterSeq), limit);
    }

    /** The newest entry, whose hash an operator can record elsewhere to detect a truncated log later. */
    public java.util.Optional<AuditEntry> head() {
        return entries.last();
    }

    /**
     * Walks the chain from the first entry and stops at the first one that is missing, does not
     * link to its predecessor, or does not match its own hash.
     */
    public ChainVerification verify() {
        long expected = 1;
        String prevHash = AuditChain.GENESIS;
        while (true) {
            var page = entries.after(expected - 1, PAGE);
            if (page.isEmpty()) {
                return new ChainVerification.Intact(expected - 1);
            }
            for (AuditEntry entry : page) {
                if (entry.seq() != expected) {
                    return new ChainVerification.Broken(expected - 1, expected,
                            "missing (the next stored entry is " + entry.seq() + ")");
                }
                if (!entry.prevHash().equals(prevHash)) {
                    return new ChainVerification.Broken(expected - 1, expected,
                            "does not link to the previous entry");
                }
                if (!AuditChain.hashOf(entry).equals(entry.entryHash())) {
                    return new ChainVerification.Broken(expected - 1, expected, "does not match its hash");
                }
                prevHash = entry.entryHash();
                expected++;
            }
        }
    }
}
