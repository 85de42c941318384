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
    /** The substring count of every merged base, or 0 to choose it from the base's size. */
    private final int substrings;

    private IndexWriter(MultiIndex base, int substrings) {
        this.base = base;
        this.substrings = substrings;
    }

    /** Returns a writer over an empty bank. */
    public static IndexWriter empty() {
        return new IndexWriter(MultiIndex.builder().build(), 0);
    }

    /**
     * Returns a writer over an empty bank whose every base is cut into {@code substrings} tables,
     * instead of a count chosen from its size. Each table costs 4 bytes per entry plus
     * {@code 4 * 2^(256 / substrings)} bytes of bucket offsets, so 16 tables hold about 100 bytes
     * per entry from a million entries on, against about 200 for the 12 chosen at that size, and
     * probe about four times as many candidates at radius 31.
     *
     * @param substrings 11..32
     * @throws IllegalArgumentException when {@code substrings} is outside 11..32
     */
    public static IndexWriter empty(int substrings) {
        return new IndexWriter(MultiIndex.builder().substrings(substrings).build(), substrings);
    }

    /** Returns a writer whose bank starts as {@code base} (typically loaded at startup). */
    public static IndexWriter startingFrom(MultiIndex base) {
        return new IndexWriter(base, 0);
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
        long[] removed =
                removedFromBase.stream().mapToLong(Long::longValue).sorted().toArray();
        return new IndexSnapshot(base, added.trimmedCopy(), removed);
    }

    private void merge() {
        var builder = MultiIndex.builder();
        if (substrings > 0) {
            builder.substrings(substrings);
        }
        long[] removed =
                removedFromBase.stream().mapToLong(Long::longValue).sorted().toArray();
        base.forEachEntryExcept(removed, builder);
        for (int i = 0; i < added.size; i++) {
            builder.add(
                    added.ids[i],
                    new PdqHash(
                            added.words[4 * i],
                            added.words[4 * i + 1],
                            added.words[4 * i + 2],
                            added.words[4 * i + 3]));
        }
        base = builder.build();
        added = new Columns(16);
        removedFromBase.clear();
    }
}
