package org.redress.hashindex;

import java.util.List;
import org.redress.pdq.PdqHash;

/**
 * One published state of a bank kept by an {@link IndexWriter}: a {@link MultiIndex} base, minus
 * the ids removed since it was built, plus the entries added since, which are few and scanned
 * linearly. Searches are exact, like every {@link HammingIndex}.
 *
 * <p>Immutable and thread-safe: readers keep querying a snapshot while the writer prepares the
 * next one.
 */
public final class IndexSnapshot implements HammingIndex {

    private final MultiIndex base;
    private final Columns added;
    private final long[] removedFromBase;
    /** Counted on first use: finding the removed ids in a large base takes a pass over it. */
    private volatile int size = -1;

    IndexSnapshot(MultiIndex base, Columns added, long[] removedFromBase) {
        this.base = base;
        this.added = added;
        this.removedFromBase = removedFromBase;
    }

    @Override
    public List<Match> search(PdqHash query, int maxDistance) {
        Columns.checkDistance(maxDistance);
        var results = new Results();
        base.searchInto(query, maxDistance, results);
        results.removeIds(removedFromBase);
        LinearIndex.scan(added.words, added.ids, added.size, query, maxDistance, results);
        return results.toList();
    }

    /**
     * Searches the base batch by batch, as {@link MultiIndex#searchAll} does, then takes out the
     * removed ids and scans the few added entries for each query: a platform's batch of checks is
     * answered at the base's batched speed, not query by query.
     */
    @Override
    public List<List<Match>> searchAll(List<PdqHash> queries, int maxDistance) {
        Results[] found = base.searchAllInto(queries, maxDistance);
        var all = new java.util.ArrayList<List<Match>>(found.length);
        for (int i = 0; i < found.length; i++) {
            found[i].removeIds(removedFromBase);
            LinearIndex.scan(added.words, added.ids, added.size, queries.get(i), maxDistance, found[i]);
            all.add(found[i].toList());
        }
        return List.copyOf(all);
    }

    /** Returns the number of entries; the first call on a snapshot with removals reads the base once. */
    @Override
    public int size() {
        int counted = size;
        if (counted < 0) {
            counted = base.size() - base.countIds(removedFromBase) + added.size;
            size = counted;
        }
        return counted;
    }

    /** Returns how many entries were added or removed since the base was built. */
    public int pendingChanges() {
        return added.size + removedFromBase.length;
    }

    @Override
    public long footprintBytes() {
        return base.footprintBytes() + 8L * added.words.length + 8L * added.ids.length + 8L * removedFromBase.length;
    }
}
