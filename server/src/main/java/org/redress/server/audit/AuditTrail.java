package org.redress.server.audit;

import java.time.Clock;
import org.redress.server.shared.AuditedChange;
import org.redress.server.storage.DerivedKeys;
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
    private final AuditChain chain;
    private final byte[] anchorKey;

    AuditTrail(AuditEntries entries, Clock clock, DerivedKeys keys) {
        this.entries = entries;
        this.clock = clock;
        this.chain = new AuditChain(keys.derive("audit-chain"));
        this.anchorKey = keys.derive("audit-anchor");
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
        String hash =
                chain.hash(seq, at, actor.kind(), actor.id(), change.action(), subject.type(), subject.id(), prevHash);
        var entry = new AuditEntry(
                seq, at, actor.kind(), actor.id(), change.action(), subject.type(), subject.id(), prevHash, hash);
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

    /**
     * Every entry about one of these object ids (case references, delivery ids, content ids, ...),
     * whatever the object's type, in chain order: the slice of the chain an evidence bundle carries.
     */
    @Transactional(readOnly = true)
    public java.util.List<AuditEntry> about(java.util.Collection<String> objectIds) {
        if (objectIds.isEmpty()) {
            return java.util.List.of();
        }
        return entries.about(objectIds);
    }

    /** The newest entry, whose hash an operator can record elsewhere to detect a truncated log later. */
    public java.util.Optional<AuditEntry> head() {
        return entries.last();
    }

    /**
     * A checkpoint of the chain's head, authenticated under a key derived from the data key, for the
     * operator to store away from the database: a later {@link #verify(AuditAnchor)} detects a chain
     * that was truncated, emptied or rewritten since.
     */
    public AuditAnchor anchor() {
        var head = entries.last();
        return AuditAnchor.sign(
                anchorKey,
                head.map(AuditEntry::seq).orElse(0L),
                head.map(AuditEntry::entryHash).orElse(AuditChain.GENESIS),
                SqlDialect.truncate(clock.instant()));
    }

    /**
     * Verifies the chain and that it still holds the anchored head: the entry at the anchor's
     * sequence number must exist and carry the anchored hash.
     *
     * @throws IllegalArgumentException when the anchor is not authentic under this installation's key
     */
    public ChainVerification verify(AuditAnchor anchor) {
        if (!anchor.authenticUnder(anchorKey)) {
            throw new IllegalArgumentException("the anchor was not made with this installation's data key");
        }
        var chainResult = verify();
        if (chainResult instanceof ChainVerification.Broken) {
            return chainResult;
        }
        if (anchor.seq() == 0) {
            return chainResult;
        }
        var anchored = entries.after(anchor.seq() - 1, 1).stream()
                .filter(e -> e.seq() == anchor.seq())
                .findFirst();
        if (anchored.isEmpty()) {
            return new ChainVerification.Broken(
                    chainResult.entries(), anchor.seq(), "is anchored but missing: the log was truncated");
        }
        if (!anchored.get().entryHash().equals(anchor.entryHash())) {
            return new ChainVerification.Broken(
                    chainResult.entries(), anchor.seq(), "differs from the anchored entry: the log was rewritten");
        }
        return chainResult;
    }

    /**
     * Walks the chain from the first entry and stops at the first one that is missing, does not
     * link to its predecessor, or does not match its own hash.
     */
    public ChainVerification verify() {
        long expected = 1;
        String prevHash = AuditChain.GENESIS;
        boolean keyedSeen = false;
        while (true) {
            var page = entries.after(expected - 1, PAGE);
            if (page.isEmpty()) {
                if (expected > 1 && !keyedSeen) {
                    // Every release since keying closes the unkeyed part with a keyed entry on start.
                    return new ChainVerification.Broken(
                            expected - 2,
                            expected - 1,
                            "ends a chain without keyed entries: rewritten, or the service has not started"
                                    + " since the upgrade that keys the chain");
                }
                return new ChainVerification.Intact(expected - 1);
            }
            for (AuditEntry entry : page) {
                if (entry.seq() != expected) {
                    return new ChainVerification.Broken(
                            expected - 1, expected, "missing (the next stored entry is " + entry.seq() + ")");
                }
                if (!entry.prevHash().equals(prevHash)) {
                    return new ChainVerification.Broken(expected - 1, expected, "does not link to the previous entry");
                }
                if (!chain.matches(entry)) {
                    return new ChainVerification.Broken(expected - 1, expected, "does not match its hash");
                }
                if (keyedSeen && !AuditChain.isKeyed(entry)) {
                    return new ChainVerification.Broken(
                            expected - 1, expected, "is not keyed although an earlier entry is");
                }
                keyedSeen |= AuditChain.isKeyed(entry);
                prevHash = entry.entryHash();
                expected++;
            }
        }
    }
}
