package org.redress.server.matching.banks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.redress.hashindex.IndexSnapshot;
import org.redress.hashindex.IndexWriter;
import org.redress.hashindex.Match;
import org.redress.hashindex.MultiIndex;
import org.redress.pdq.PdqHash;
import org.redress.pdq.Quality;
import org.redress.server.matching.Bank;
import org.redress.server.matching.BankEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The banks in memory, one {@link IndexWriter} per enabled bank plus a digest map, kept current by
 * following the {@code matching_change} log: a poll every 250 ms picks up other replicas' changes,
 * and the writing process applies its own right after commit. Readers see immutable snapshots and
 * never wait for the writer. Until the first full load completes, {@link #ready()} is false.
 *
 * <p>What each change row costs a replica (docs/adr/0013):
 * <ul>
 * <li>an entry's row (added, enabled, disabled, deleted): that entry goes into or out of the
 *     writer's delta;</li>
 * <li>a bank's settings row (created, action, distance, floor, name or enabled changed): the
 *     bank's settings are replaced in memory and its hashes kept; a bank not held (new, or
 *     enabled again) is read, a disabled one dropped;</li>
 * <li>an import of up to {@value #INCREMENTAL_IMPORT_LIMIT} entries is logged as that many entry
 *     rows; a larger one as one reload row, on which the bank is read again.</li>
 * </ul>
 * A restart reads everything. Applying any row again is harmless, so a replica that loads while
 * rows commit simply applies them twice.
 */
@Component
public class MatchIndex {

    private static final Logger log = LoggerFactory.getLogger(MatchIndex.class);

    private static final int CHANGES_PER_BATCH = 5_000;

    /**
     * The largest import logged entry by entry, so that replicas add it to the bank they hold;
     * a larger one is logged as one reload of the bank. Adding 5,000 entries is a few database
     * round trips and stays within the {@link IndexWriter}'s delta at any bank size; reading a
     * bank again takes seconds at a million entries.
     */
    public static final int INCREMENTAL_IMPORT_LIMIT = 5_000;

    /**
     * A matching entry with the bank it is in.
     *
     * @param provisional whether no person has confirmed the entry yet
     * @param variant which of the entry's hashes gave the distance ({@link BankEntry#VARIANT_NAMES}):
     *     0 for its own hash or a digest
     */
    public record Hit(Bank bank, long entryId, int distance, boolean provisional, int variant) {}

    /**
     * The index holds each of an entry's hashes under the entry's id times 32 plus the hash's
     * position, so a match names the variant at no memory cost: room for the 30 hashes an entry
     * made from an image keeps ({@link BankEntry#VARIANT_NAMES}).
     */
    private static final int VARIANT_BITS = 5;

    private static final long VARIANT_MASK = (1L << VARIANT_BITS) - 1;

    static {
        if (BankEntry.VARIANT_NAMES.size() > 1 << VARIANT_BITS) {
            throw new IllegalStateException("an entry's hashes need more than " + VARIANT_BITS + " bits of its key");
        }
    }

    private final Banks banks;
    private final Entries entries;
    private final Object writer = new Object();
    private final Map<String, BankIndex> byBank = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    private volatile long applied;
    /** When the change log was last applied in full: what the index answers for is at least this recent. */
    private volatile @Nullable Instant appliedAt;
    /** How many times one bank's entries were read outside the full load: tests prove no rebuild with it. */
    private final AtomicLong bankLoads = new AtomicLong();

    private final Clock clock;

    MatchIndex(Banks banks, Entries entries, Clock clock) {
        this.banks = banks;
        this.entries = entries;
        this.clock = clock;
    }

    public boolean ready() {
        return loaded;
    }

    /** The last change-log sequence number this replica has applied. */
    public long appliedChange() {
        return applied;
    }

    /** When this replica last applied the change log up to its end; empty until the first load. */
    public Optional<Instant> appliedAt() {
        return Optional.ofNullable(appliedAt);
    }

    /** How many entries of enabled banks match by MD5. */
    public long md5Entries() {
        return byBank.values().stream()
                .flatMap(bank -> bank.digestKeys.values().stream())
                .filter(keys -> keys.stream().anyMatch(key -> key.startsWith("md5:")))
                .count();
    }

    /** How many times a single bank's entries were read into memory since the start. */
    public long bankLoads() {
        return bankLoads.get();
    }

    /** The published PDQ snapshot of a bank in memory: empty when the bank is not (disabled). */
    public Optional<IndexSnapshot> snapshotOf(String bankId) {
        return Optional.ofNullable(byBank.get(bankId)).map(index -> index.snapshot);
    }

    /** How many PDQ entries are indexed, over all enabled banks. */
    public long size() {
        return byBank.values().stream().mapToLong(bank -> bank.snapshot.size()).sum();
    }

    /**
     * What one check searches with.
     *
     * @param hashes the upload's PDQ hashes, its own first (its own wins a tie on distance)
     * @param quality the upload's PDQ quality, when known: a bank whose floor it is under matches by
     *     digest only
     */
    public record Query(
            List<PdqHash> hashes, Optional<Quality> quality, Optional<String> md5, Optional<String> sha256) {
        public Query {
            hashes = List.copyOf(hashes);
        }
    }

    /**
     * Every entry of every enabled bank within that bank's distance of any of the queries (the
     * smallest distance per entry), plus exact digest matches at distance 0. A bank whose quality
     * floor the queries' quality is under matches by digest only.
     */
    public List<Hit> search(
            List<PdqHash> queries, Optional<Quality> quality, Optional<String> md5, Optional<String> sha256) {
        return find(List.of(new Query(queries, quality, md5, sha256)), false).getFirst();
    }

    /**
     * Searches for many checks at once, each answered as {@link #search} answers it: every bank is
     * searched once with all the checks' hashes, through the index's batched path, which orders its
     * memory reads across the whole batch (docs/adr/0025).
     *
     * @return one list of hits per query, in the order given
     */
    public List<List<Hit>> searchAll(List<Query> queries) {
        return find(queries, true);
    }

    private List<List<Hit>> find(List<Query> checks, boolean batched) {
        List<List<Hit>> hits = new ArrayList<>(checks.size());
        for (int c = 0; c < checks.size(); c++) {
            hits.add(new ArrayList<>());
        }
        for (BankIndex index : byBank.values()) {
            Bank bank = index.bank;
            IndexSnapshot snapshot = index.snapshot;
            // The checks' PDQ hashes side by side; check c's are flat[starts[c]..starts[c + 1]).
            List<PdqHash> flat = new ArrayList<>();
            int[] starts = new int[checks.size() + 1];
            for (int c = 0; c < checks.size(); c++) {
                starts[c] = flat.size();
                if (bank.matchesPdqOf(checks.get(c).quality())) {
                    flat.addAll(checks.get(c).hashes());
                }
            }
            starts[checks.size()] = flat.size();
            List<List<Match>> found = new ArrayList<>(flat.size());
            if (batched && !flat.isEmpty()) {
                found = snapshot.searchAll(flat, bank.maxDistance());
            } else {
                for (PdqHash query : flat) {
                    found.add(snapshot.search(query, bank.maxDistance()));
                }
            }
            for (int c = 0; c < checks.size(); c++) {
                Query check = checks.get(c);
                // Per entry: the best distance and the variant that gave it, the upload's own hash
                // (the first query) winning ties, so the variant says how the upload relates to it.
                Map<Long, int[]> best = new HashMap<>();
                for (int q = starts[c]; q < starts[c + 1]; q++) {
                    boolean own = q == starts[c];
                    for (Match match : found.get(q)) {
                        long entryId = match.id() >>> VARIANT_BITS;
                        int variant = (int) (match.id() & VARIANT_MASK);
                        int[] held = best.get(entryId);
                        boolean better = held == null
                                || match.distance() < held[0]
                                || (match.distance() == held[0] && own && (held[2] == 0 || variant < held[1]));
                        if (better) {
                            best.put(entryId, new int[] {match.distance(), variant, own ? 1 : 0});
                        }
                    }
                }
                check.md5()
                        .ifPresent(d -> index.digests
                                .getOrDefault("md5:" + d, List.of())
                                .forEach(id -> best.put(id, new int[] {0, 0, 1})));
                check.sha256()
                        .ifPresent(d -> index.digests
                                .getOrDefault("sha256:" + d, List.of())
                                .forEach(id -> best.put(id, new int[] {0, 0, 1})));
                List<Hit> into = hits.get(c);
                best.forEach(
                        (id, held) -> into.add(new Hit(bank, id, held[0], index.provisional.contains(id), held[1])));
            }
        }
        for (List<Hit> one : hits) {
            one.sort((a, b) -> a.distance() != b.distance()
                    ? Integer.compare(a.distance(), b.distance())
                    : Long.compare(a.entryId(), b.entryId()));
        }
        return hits;
    }

    @Scheduled(
            fixedDelayString = "${redress.matching.poll-interval:250ms}",
            initialDelayString = "${redress.matching.poll-initial-delay:0ms}")
    void poll() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn(
                    "Matching index refresh failed ({}); retrying at the next poll",
                    e.getClass().getName());
        }
    }

    /** Applies the change log up to now; loads everything on the first call. */
    public void refresh() {
        synchronized (writer) {
            if (!loaded) {
                load();
                return;
            }
            List<Entries.Change> batch;
            do {
                batch = entries.changesAfter(applied, CHANGES_PER_BATCH);
                if (!batch.isEmpty()) {
                    apply(batch);
                    applied = batch.get(batch.size() - 1).seq();
                }
            } while (batch.size() == CHANGES_PER_BATCH);
            appliedAt = clock.instant();
        }
    }

    /** Refreshes right after the current transaction commits, so the writer's own changes act at once. */
    public void refreshAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    poll();
                }
            });
        } else {
            poll();
        }
    }

    private void load() {
        long started = System.nanoTime();
        long upTo = entries.lastChange();
        Map<String, Loading> loading = new HashMap<>();
        for (Bank bank : banks.all()) {
            if (bank.enabled()) {
                loading.put(bank.id(), new Loading(bank));
            }
        }
        entries.forEachMatchable(entry -> {
            Loading bank = loading.get(entry.bankId());
            if (bank != null) {
                bank.add(entry);
            }
        });
        byBank.clear();
        loading.forEach((id, bank) -> byBank.put(id, bank.build()));
        applied = upTo;
        // Changes committed while loading are applied again; applying a change is idempotent.
        loaded = true;
        log.info(
                "Matching index loaded: {} banks, {} PDQ entries in {} ms",
                byBank.size(),
                size(),
                (System.nanoTime() - started) / 1_000_000);
        refresh();
    }

    private void apply(List<Entries.Change> changes) {
        Set<String> newSettings = new TreeSet<>();
        Set<String> reloads = new TreeSet<>();
        Map<Long, String> changedEntries = new LinkedHashMap<>();
        for (Entries.Change change : changes) {
            switch (change) {
                case Entries.Change.OfEntry entry -> changedEntries.put(entry.entryId(), entry.bankId());
                case Entries.Change.OfSettings settings -> newSettings.add(settings.bankId());
                case Entries.Change.OfAllEntries all -> reloads.add(all.bankId());
            }
        }
        Set<String> loadedNow = new TreeSet<>();
        Set<String> changedBanks = new TreeSet<>(newSettings);
        changedBanks.addAll(reloads);
        for (String bankId : changedBanks) {
            Optional<Bank> bank = banks.findById(bankId);
            BankIndex held = byBank.get(bankId);
            if (bank.isEmpty() || !bank.get().enabled()) {
                byBank.remove(bankId);
            } else if (held == null || reloads.contains(bankId)) {
                // Created, enabled again, or a large import: read the bank's entries.
                byBank.put(bankId, loadBank(bank.get()));
                loadedNow.add(bankId);
            } else {
                // New settings of a bank in memory: its hashes stay as they are.
                held.bank = bank.get();
            }
        }
        Map<Long, BankEntry> rows = new HashMap<>();
        List<Long> ids = new ArrayList<>(changedEntries.keySet());
        for (int from = 0; from < ids.size(); from += 500) {
            entries.findAll(ids.subList(from, Math.min(ids.size(), from + 500))).forEach(e -> rows.put(e.id(), e));
        }
        Set<BankIndex> touched = new java.util.HashSet<>();
        changedEntries.forEach((id, bankId) -> {
            BankIndex index = byBank.get(bankId);
            if (index == null || loadedNow.contains(bankId)) {
                return;
            }
            index.remove(id);
            BankEntry row = rows.get(id);
            if (row != null && row.enabled()) {
                index.add(row);
            }
            touched.add(index);
        });
        touched.forEach(BankIndex::publish);
    }

    private BankIndex loadBank(Bank bank) {
        var building = new Loading(bank);
        entries.forEachInBank(bank.id(), entry -> {
            if (entry.enabled()) {
                building.add(entry);
            }
        });
        bankLoads.incrementAndGet();
        return building.build();
    }

    /** A bank being bulk-loaded. */
    private static final class Loading {
        private final Bank bank;
        private final MultiIndex.Builder pdq = MultiIndex.builder();
        private final BankIndex digests;

        Loading(Bank bank) {
            this.bank = bank;
            this.digests = new BankIndex(bank, IndexWriter.empty());
        }

        void add(BankEntry entry) {
            List<PdqHash> all = entry.allPdq();
            for (int v = 0; v < all.size(); v++) {
                pdq.add((entry.id() << VARIANT_BITS) | v, all.get(v));
            }
            digests.addDigests(entry);
            digests.addTrust(entry);
        }

        BankIndex build() {
            var index = new BankIndex(bank, IndexWriter.startingFrom(pdq.build()));
            index.digests.putAll(digests.digests);
            index.digestKeys.putAll(digests.digestKeys);
            index.provisional.addAll(digests.provisional);
            index.publish();
            return index;
        }
    }

    /** One bank in memory. The writer is used under the index's lock only. */
    private static final class BankIndex {
        volatile Bank bank;
        private final IndexWriter pdq;
        volatile IndexSnapshot snapshot;
        final Map<String, List<Long>> digests = new ConcurrentHashMap<>();
        final Map<Long, List<String>> digestKeys = new ConcurrentHashMap<>();
        /** The ids of entries no person has confirmed: few (victims' submissions awaiting review). */
        final Set<Long> provisional = ConcurrentHashMap.newKeySet();

        BankIndex(Bank bank, IndexWriter pdq) {
            this.bank = bank;
            this.pdq = pdq;
            this.snapshot = pdq.snapshot();
        }

        void add(BankEntry entry) {
            List<PdqHash> all = entry.allPdq();
            for (int v = 0; v < all.size(); v++) {
                pdq.add((entry.id() << VARIANT_BITS) | v, all.get(v));
            }
            addDigests(entry);
            addTrust(entry);
        }

        void addTrust(BankEntry entry) {
            if (entry.trust().awaitsConfirmation()) {
                provisional.add(entry.id());
            }
        }

        void addDigests(BankEntry entry) {
            List<String> keys = new ArrayList<>(2);
            entry.hashes().md5().ifPresent(d -> keys.add("md5:" + d));
            entry.hashes().sha256().ifPresent(d -> keys.add("sha256:" + d));
            if (keys.isEmpty()) {
                return;
            }
            digestKeys.put(entry.id(), keys);
            for (String key : keys) {
                digests.merge(key, List.of(entry.id()), (a, b) -> {
                    List<Long> both = new ArrayList<>(a);
                    both.addAll(b);
                    return List.copyOf(both);
                });
            }
        }

        void remove(long id) {
            for (long v = 0; v <= VARIANT_MASK; v++) {
                pdq.remove((id << VARIANT_BITS) | v);
            }
            provisional.remove(id);
            List<String> keys = digestKeys.remove(id);
            if (keys != null) {
                for (String key : keys) {
                    digests.computeIfPresent(key, (k, ids) -> {
                        List<Long> rest =
                                ids.stream().filter(other -> other != id).toList();
                        return rest.isEmpty() ? null : rest;
                    });
                }
            }
        }

        void publish() {
            snapshot = pdq.snapshot();
        }
    }
}
