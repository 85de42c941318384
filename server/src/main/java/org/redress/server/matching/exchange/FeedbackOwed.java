package org.redress.server.matching.exchange;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.redress.server.matching.BankEntry;
import org.redress.server.matching.BankName;
import org.redress.server.matching.EntryChanged;
import org.redress.server.matching.MatchFound;
import org.redress.server.matching.Matching;
import org.redress.server.matching.MatchingUnavailableException;
import org.redress.server.matching.Provenance;
import org.redress.server.matching.banks.Entries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * What StopNCII is told about its hashes, as Redress acts on them: {@code PendingReview} when one
 * matches content, {@code Blocked} when a moderator confirms it or a removal of content it matched
 * is confirmed, {@code NotBlocked} when a moderator releases it. Owed in the transaction of the
 * act, sent later by {@link StopNciiExchange}.
 */
class FeedbackOwed {

    private static final Logger log = LoggerFactory.getLogger(FeedbackOwed.class);

    static final String PENDING_REVIEW = "PendingReview";
    static final String BLOCKED = "Blocked";
    static final String NOT_BLOCKED = "NotBlocked";

    private final ExchangeFeedback feedback;
    private final Entries entries;
    private final Matching matching;
    private final Set<BankName> exchangeBanks;
    private final Clock clock;

    FeedbackOwed(
            ExchangeFeedback feedback, Entries entries, Matching matching, StopNciiSettings settings, Clock clock) {
        this.feedback = feedback;
        this.entries = entries;
        this.matching = matching;
        this.exchangeBanks = Set.of(new BankName(settings.bank()), new BankName(settings.videoBank()));
        this.clock = clock;
    }

    /** Every upload check's matches pass here: only the exchange's banks cost a read. */
    @EventListener
    void on(MatchFound match) {
        if (exchangeBanks.contains(match.bank())) {
            owe(match.entryId(), PENDING_REVIEW);
        }
    }

    @EventListener
    void on(EntryChanged change) {
        if (change.source() == Provenance.Source.DECISION && change.what().equals("added")) {
            blockedByRemoval(change.entryId());
            return;
        }
        if (change.source() != Provenance.Source.EXCHANGE) {
            return;
        }
        switch (change.what()) {
            case "confirmed" -> owe(change.entryId(), BLOCKED);
            case "released" -> owe(change.entryId(), NOT_BLOCKED);
            default -> {
                // added, disabled by a withdrawal, enabled again: nothing to tell StopNCII
            }
        }
    }

    /**
     * A removal the platform confirmed banks the removed item (an entry of a decision): every
     * StopNCII hash it matches was confirmed as intimate image abuse by that removal, whatever
     * trust the exchange's entries were given.
     */
    private void blockedByRemoval(long removedEntryId) {
        try {
            entries.find(removedEntryId)
                    .ifPresent(removed -> matching
                            .lookup(removed.allPdq(), removed.hashes().md5())
                            .stream()
                            .filter(match -> exchangeBanks.contains(match.bank()))
                            .forEach(match -> owe(match.entryId(), BLOCKED)));
        } catch (MatchingUnavailableException e) {
            // Only while a replica loads its index; the removal's banking must not fail for feedback.
            log.warn("StopNCII feedback on a confirmed removal skipped: the index is loading");
        }
    }

    private void owe(long entryId, String value) {
        entries.find(entryId)
                .flatMap(FeedbackOwed::exchangeHash)
                .ifPresent(hash -> feedback.owe(hash.value(), value, hash.signalType(), clock.instant()));
    }

    private record ExchangeHash(String signalType, String value) {}

    /** The StopNCII hash behind an entry it brought: its provenance is {@code stopncii:<type>:<hash>}. */
    private static Optional<ExchangeHash> exchangeHash(BankEntry entry) {
        if (entry.provenance().source() != Provenance.Source.EXCHANGE) {
            return Optional.empty();
        }
        String[] parts = entry.provenance().ref().split(":", 3);
        if (parts.length != 3 || !parts[0].equals(StopNciiExchange.NAME)) {
            return Optional.empty();
        }
        return Optional.of(new ExchangeHash(parts[1], parts[2]));
    }
}
