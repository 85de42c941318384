package org.redress.server.matching.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.redress.pdq.PdqHash;
import org.redress.server.matching.BankEntry;
import org.redress.server.matching.BankName;
import org.redress.server.matching.EntryHashes;
import org.redress.server.matching.Matching;
import org.redress.server.matching.Provenance;
import org.redress.server.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fetch of the StopNCII exchange: from the stored checkpoint, page after page until StopNCII
 * says there are no more records, each record applied to the banks as it arrives; the checkpoint
 * moves on only when the whole run succeeded, so a failure or a restart reads the same records
 * again (they are snapshots, so reading one twice changes nothing).
 */
class StopNciiExchange {

    static final String NAME = "stopncii";

    /** StopNCII's own first timestamp: a client with no checkpoint starts here. */
    static final long FIRST_TIMESTAMP = 10;

    private static final Logger log = LoggerFactory.getLogger(StopNciiExchange.class);
    private static final Actor ACTOR = new Actor.Operator("stopncii");
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final int FEEDBACK_BATCH = 100;

    private final StopNciiSettings settings;
    private final StopNciiClient client;
    private final ExchangeStates states;
    private final ExchangeFeedback feedback;
    private final Matching matching;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();

    StopNciiExchange(
            StopNciiSettings settings,
            StopNciiClient client,
            ExchangeStates states,
            ExchangeFeedback feedback,
            Matching matching,
            Clock clock) {
        this.settings = settings;
        this.client = client;
        this.states = states;
        this.feedback = feedback;
        this.matching = matching;
        this.clock = clock;
    }

    /** Fetches once, unless another replica holds the lease; returns whether this replica fetched. */
    boolean fetch() throws InterruptedException {
        Instant started = clock.instant();
        if (!states.lease(NAME, owner, started, started.plus(LEASE))) {
            return false;
        }
        var tally = new long[3];
        try {
            long checkpoint = states.checkpoint(NAME);
            long start = checkpoint == 0 ? FIRST_TIMESTAMP : checkpoint;
            Optional<String> token = Optional.empty();
            StopNciiClient.Page page;
            do {
                page = client.fetch(start, settings.pageSize(), token);
                for (StopNciiRecord record : page.records()) {
                    tally[0]++;
                    apply(record, tally);
                }
                token = page.nextPageToken();
                Instant now = clock.instant();
                states.lease(NAME, owner, now, now.plus(LEASE));
            } while (page.hasMoreRecords() && token.isPresent());
            states.succeeded(NAME, page.nextSetTimestamp(), clock.instant(), tally(tally));
        } catch (StopNciiClient.FetchFailed e) {
            log.warn("StopNCII fetch failed: {}", e.reason());
            states.failed(NAME, clock.instant(), e.reason(), tally(tally));
        } catch (RuntimeException e) {
            log.warn("StopNCII fetch failed ({})", e.getClass().getName());
            states.failed(
                    NAME, clock.instant(), "the fetch failed (" + e.getClass().getSimpleName() + ")", tally(tally));
        } finally {
            states.release(NAME, owner);
        }
        return true;
    }

    /**
     * Sends the feedback owed, in batches, under the same lease as fetching (so one replica sends);
     * a batch that fails is tried again later with growing pauses. Returns how many were sent.
     */
    int sendFeedback() throws InterruptedException {
        Instant now = clock.instant();
        if (!states.lease(NAME, owner, now, now.plus(LEASE))) {
            return 0;
        }
        int sent = 0;
        try {
            List<ExchangeFeedback.Owed> batch = feedback.due(now, FEEDBACK_BATCH);
            while (!batch.isEmpty()) {
                try {
                    client.submitFeedback(batch);
                } catch (StopNciiClient.FetchFailed e) {
                    log.warn("StopNCII feedback failed: {}", e.reason());
                    for (ExchangeFeedback.Owed owed : batch) {
                        long pause = Math.min(3_600, 30L << Math.min(owed.attempts(), 7));
                        feedback.failed(owed, clock.instant().plusSeconds(pause));
                    }
                    return sent;
                }
                for (ExchangeFeedback.Owed owed : batch) {
                    feedback.sent(owed, clock.instant());
                }
                sent += batch.size();
                batch = feedback.due(now, FEEDBACK_BATCH);
            }
        } finally {
            states.release(NAME, owner);
        }
        return sent;
    }

    private static ExchangeStates.Tally tally(long[] counts) {
        return new ExchangeStates.Tally(counts[0], counts[1], counts[2]);
    }

    /** Brings the bank in step with one record: counts [records, added, withdrawn]. */
    private void apply(StopNciiRecord record, long[] tally) {
        Optional<Target> target = target(record);
        if (target.isEmpty()) {
            return;
        }
        var provenance = new Provenance(
                Provenance.Source.EXCHANGE,
                NAME + ":" + record.signalType() + ":" + target.get().key());
        List<BankEntry> existing = matching.entriesFrom(provenance);
        if (record.withdrawn()) {
            if (existing.stream().anyMatch(BankEntry::enabled)) {
                matching.disableAll(ACTOR, provenance);
                tally[2]++;
            }
        } else if (existing.isEmpty()) {
            BankName bank = bankFor(target.get().bank());
            matching.addExchangeEntry(ACTOR, bank, target.get().hashes(), provenance, settings.trust());
            tally[1]++;
        } else if (existing.stream().noneMatch(BankEntry::enabled)) {
            // Active again after a withdrawal: the same entry matches again, its history kept.
            BankEntry entry = existing.getFirst();
            matching.setEntryEnabled(ACTOR, bankNameOf(entry), entry.id(), true);
            tally[1]++;
        }
    }

    /** The bank and hashes a record's type maps to; types Redress does not match are skipped. */
    private Optional<Target> target(StopNciiRecord record) {
        String value = record.hashValue().trim().toLowerCase(Locale.ROOT);
        try {
            return switch (record.signalType()) {
                case "ImagePDQ" ->
                    Optional.of(new Target(settings.bank(), EntryHashes.ofPdq(PdqHash.fromHex(value)), value));
                case "VideoMD5" -> {
                    if (value.length() != 32 || value.chars().anyMatch(c -> !HexFormat.isHexDigit(c))) {
                        throw new IllegalArgumentException("an MD5 is 32 hex digits");
                    }
                    yield Optional.of(new Target(settings.videoBank(), EntryHashes.parse(null, value, null), value));
                }
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException e) {
            log.warn("StopNCII sent a malformed {} hash; skipped", record.signalType());
            return Optional.empty();
        }
    }

    private record Target(String bank, EntryHashes hashes, String key) {}

    private BankName bankFor(String name) {
        var bankName = new BankName(name);
        if (matching.banks().stream().noneMatch(bank -> bank.name().equals(bankName))) {
            matching.createBank(
                    ACTOR,
                    bankName,
                    settings.action(),
                    org.redress.server.matching.Bank.DEFAULT_MAX_DISTANCE,
                    org.redress.server.matching.Bank.DEFAULT_QUALITY_FLOOR);
        }
        return bankName;
    }

    private BankName bankNameOf(BankEntry entry) {
        return matching.banks().stream()
                .filter(bank -> bank.id().equals(entry.bankId()))
                .findFirst()
                .orElseThrow()
                .name();
    }
}
