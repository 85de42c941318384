package org.redress.hashindex;

import java.util.Arrays;
import org.redress.pdq.PdqHash;

/**
 * Answers a batch of queries against a {@link MultiIndex} with memory reads in address order.
 *
 * <p>One query alone reads a few thousand scattered places (bucket bounds, bucket contents,
 * candidate hashes), each a likely cache and TLB miss. A batch of a thousand queries reads the
 * same arrays millions of times; sorting those reads by address first (a one-pass radix
 * partition into windows of a few dozen kilobytes) turns them into a sweep in which most reads
 * hit lines and pages that a neighbour read just brought in. Three rounds, one per array:
 * bucket bounds, bucket positions, hashes. Each read is a packed {@code long} record
 * {@code (table, address, query)}, so the rounds allocate no object per read.
 */
final class BatchSearch {

    private static final int QUERY_BITS = 12;

    /** At most 4096 queries per batch: the query number takes the low 12 bits of a record. */
    static final int MAX_BATCH = 1 << QUERY_BITS;

    private static final long QUERY_MASK = (1L << QUERY_BITS) - 1;
    private static final int ADDRESS_BITS = 29;
    private static final long ADDRESS_MASK = (1L << ADDRESS_BITS) - 1;
    private static final int TABLE_SHIFT = QUERY_BITS + ADDRESS_BITS;
    /** log2 of the window one partition covers, in array elements: 32 KiB of ints. */
    private static final int INT_WINDOW = 13;
    /** The same for hashes: 2048 hashes of 32 bytes = 64 KiB. */
    private static final int HASH_WINDOW = 11;

    private final MultiIndex index;

    BatchSearch(MultiIndex index) {
        this.index = index;
    }

    /** Adds the matches of {@code queries[i]} within {@code r} to {@code out[i]}. */
    void search(PdqHash[] queries, int r, Results[] out) {
        int[] radius = index.radii[r];
        Layout layout = index.layout;
        var probes = new Records(queries.length * 512);
        for (int q = 0; q < queries.length; q++) {
            PdqHash query = queries[q];
            for (int t = 0; t < layout.count; t++) {
                if (radius[t] >= 0) {
                    int key = layout.key(t, query.w0(), query.w1(), query.w2(), query.w3());
                    addProbes(t, key, index.probeMasks[r][t], q, probes);
                }
            }
        }
        // Round 1: bucket bounds, read in (table, bucket) order.
        long[] byBucket = partition(probes, 1 << (Layout.MAX_WIDTH - INT_WINDOW), INT_WINDOW, true);
        var slots = new Records(probes.size * 2);
        var hashes = new Records(probes.size * 2);
        for (int j = 0; j < probes.size; j++) {
            long rec = byBucket[j];
            int t = (int) (rec >>> TABLE_SHIFT);
            int bucket = (int) ((rec >>> QUERY_BITS) & ADDRESS_MASK);
            long query = rec & QUERY_MASK;
            int[] starts = index.offsets[t];
            Records next = t == 0 ? hashes : slots;
            long tableBits = (long) t << TABLE_SHIFT;
            for (int i = starts[bucket], end = starts[bucket + 1]; i < end; i++) {
                // Table 0 holds the hashes in its own bucket order: its slots are hash positions.
                next.add(tableBits | ((long) i << QUERY_BITS) | query);
            }
        }
        probes = null;
        byBucket = null;
        // Round 2: bucket contents of the other tables, read in (table, slot) order.
        int slotWindows = (int) ((index.size + (1L << INT_WINDOW) - 1) >>> INT_WINDOW);
        long[] bySlot = partition(slots, Math.max(1, slotWindows), INT_WINDOW, true);
        for (int j = 0; j < slots.size; j++) {
            long rec = bySlot[j];
            int t = (int) (rec >>> TABLE_SHIFT);
            int slot = (int) ((rec >>> QUERY_BITS) & ADDRESS_MASK);
            long position = index.positions[t][slot];
            hashes.add((rec & ~(ADDRESS_MASK << QUERY_BITS)) | (position << QUERY_BITS));
        }
        slots = null;
        bySlot = null;
        // Round 3: candidate hashes, read in position order, verified exactly.
        int hashWindows = (int) ((index.size + (1L << HASH_WINDOW) - 1) >>> HASH_WINDOW);
        long[] byPosition = partition(hashes, Math.max(1, hashWindows), HASH_WINDOW, false);
        for (int j = 0; j < hashes.size; j++) {
            long rec = byPosition[j];
            int q = (int) (rec & QUERY_MASK);
            PdqHash query = queries[q];
            index.verify((int) ((rec >>> QUERY_BITS) & ADDRESS_MASK), (int) (rec >>> TABLE_SHIFT),
                    query.w0(), query.w1(), query.w2(), query.w3(), r, radius, out[q]);
        }
    }

    private static void addProbes(int t, int key, int[] masks, int query, Records probes) {
        long fixed = ((long) t << TABLE_SHIFT) | query;
        for (int mask : masks) {
            probes.add(fixed | ((long) (key ^ mask) << QUERY_BITS));
        }
    }

    /**
     * Reorders the records by window of their address (and by table first when {@code byTable}):
     * one counting pass and one scatter pass. Order within a window is kept, not sorted further,
     * because a window is small enough to stay in cache while it is read.
     */
    private long[] partition(Records records, int windowsPerTable, int window, boolean byTable) {
        int parts = byTable ? index.layout.count * windowsPerTable : windowsPerTable;
        int[] starts = new int[parts + 1];
        long[] from = records.items;
        int n = records.size;
        for (int j = 0; j < n; j++) {
            starts[part(from[j], windowsPerTable, window, byTable) + 1]++;
        }
        for (int p = 0; p < parts; p++) {
            starts[p + 1] += starts[p];
        }
        long[] to = new long[n];
        for (int j = 0; j < n; j++) {
            long rec = from[j];
            to[starts[part(rec, windowsPerTable, window, byTable)]++] = rec;
        }
        return to;
    }

    private static int part(long rec, int windowsPerTable, int window, boolean byTable) {
        int windowOf = (int) (((rec >>> QUERY_BITS) & ADDRESS_MASK) >>> window);
        return byTable ? (int) (rec >>> TABLE_SHIFT) * windowsPerTable + windowOf : windowOf;
    }

    /** A growable array of records. */
    private static final class Records {

        long[] items;
        int size;

        Records(int capacity) {
            items = new long[Math.max(16, capacity)];
        }

        void add(long rec) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size + (size >> 1));
            }
            items[size++] = rec;
        }
    }
}
