package org.redress.hashindex;

import java.util.HashSet;
import java.util.Set;
import org.redress.pdq.PdqHash;

/**
 * Keeps a bank current without a full rebuild per change: adds and removes go to a small delta,
 * and {@link #snapshot()} publishes an immutable {@link IndexSnapshot} of the current state. When
 * the delta grows past a few thousand entries (or 1/256 of the base), the next snapshot first
 * merges it into a new {@link MultiIndex} base, so the linear part of a query stays small.
 *
 * <p>Not thread-safe: one writer thread owns it. The snapshots it returns are immutable and may
 * be handed to any number of reader threads (for example through an {@code AtomicReference}).
 */
public final class IndexWriter {

    private static final int DELTA_FLOOR = 4096;

    private MultiIndex base;
    private Columns added = new Columns(16);
    private final Set<Long> removedFromBase = new HashSet<>();

    private IndexWriter(MultiIndex base) {
        this.base = base;
    }

    /** Returns a writer over an empty bank. */
    public static IndexWriter empty() {
        return new IndexWriter(MultiIndex.builder().build());
    }

    /** Returns a writer whose bank starts as {@code base} (typically loaded at startup). */
    public static IndexWriter startingFrom(MultiIndex base) {
        return new IndexWriter(base);
    }

    /**
     * Adds an entry; visible in the next snapshot.
     *
     * @param id the caller's id; several entries may share it, and a later {@link #remove(long)}
     *     removes them all
     * @param hash the entry's hash; several entries may share it
     * @return this writer
     * @throws IllegalStateException when the bank would exceed about 536 million entries
     */
    public IndexWriter add(long id, PdqHash hash) {
        added.add(id, hash);
        return this;
    }

    /**
     * Removes every entry currently carrying {@code id}; visible in the next snapshot. Removing an
     * id that is not present has no effect.
     *
     * @return this writer
     */
    public IndexWriter remove(long id) {
        added.removeId(id);
        removedFromBase.add(id);
        return this;
    }

    /**
     * Returns an immutable snapshot of every add and remove so far, merging the delta into a new
     * base first when it has grown large (which takes about a second per million entries).
     */
    public IndexSnapshot snapshot() {
        int limit = DELTA_FLOOR + base.size() / 256;
        if (added.size > limit || removedFromBase.size() > limit) {
            merge();
        }
        long[] removed = removedFromBase.stream().mapToLong(Long::longValue).sorted().toArray();
        return new IndexSnapshot(base, added.trimmedCopy(), removed);
    }

    private void merge() {
        var builder = MultiIndex.builder();
        long[] removed = removedFromBase.stream().mapToLong(Long::longValue).sorted().toArray();
        base.forEachEntryExcept(removed, builder);
        for (int i = 0; i < added.size; i++) {
            builder.add(added.ids[i], new PdqHash(added.words[4 * i], added.words[4 * i + 1],
                    added.words[4 * i + 2], added.words[4 * i + 3]));
        }
        base = builder.build();
        added = new Columns(16);
        removedFromBase.clear();
    }
}
