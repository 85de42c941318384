package org.redress.hashindex;

import java.util.List;
import org.redress.pdq.PdqHash;

/**
 * The oracle: compares the query with every entry using {@link Long#bitCount}. Simple enough to
 * be obviously correct, which is why the tests judge {@link MultiIndex} against it; its cost is
 * one pass over 32 bytes per entry per query.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class LinearIndex implements HammingIndex {

    private final long[] words;
    private final long[] ids;

    private LinearIndex(Columns columns) {
        Columns own = columns.trimmedCopy();
        this.words = own.words;
        this.ids = own.ids;
    }

    /** Returns an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<Match> search(PdqHash query, int maxDistance) {
        Columns.checkDistance(maxDistance);
        var results = new Results();
        scan(words, ids, ids.length, query, maxDistance, results);
        return results.toList();
    }

    /** Adds every entry of the first {@code count} within {@code maxDistance} to {@code results}. */
    static void scan(long[] words, long[] ids, int count, PdqHash query, int maxDistance, Results results) {
        long q0 = query.w0();
        long q1 = query.w1();
        long q2 = query.w2();
        long q3 = query.w3();
        for (int i = 0, at = 0; i < count; i++, at += 4) {
            int d = Long.bitCount(words[at] ^ q0)
                    + Long.bitCount(words[at + 1] ^ q1)
                    + Long.bitCount(words[at + 2] ^ q2)
                    + Long.bitCount(words[at + 3] ^ q3);
            if (d <= maxDistance) {
                results.add(ids[i], d);
            }
        }
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public long footprintBytes() {
        return 8L * words.length + 8L * ids.length;
    }

    /** Collects entries for a {@link LinearIndex}. Not thread-safe; reusable after {@link #build()}. */
    public static final class Builder {

        private final Columns columns = new Columns(16);

        private Builder() {}

        /**
         * Adds an entry.
         *
         * @param id the caller's id, reported back by searches; need not be unique
         * @param hash the entry's hash; several entries may share it
         * @return this builder
         * @throws IllegalStateException when the index would exceed about 536 million entries
         */
        public Builder add(long id, PdqHash hash) {
            columns.add(id, hash);
            return this;
        }

        /** Returns an index of the entries added so far; later adds do not change it. */
        public LinearIndex build() {
            return new LinearIndex(columns);
        }
    }
}
