package org.redress.hashindex;

import java.util.Arrays;
import org.redress.pdq.PdqHash;

/**
 * Answers a batch of queries against a {@link MultiIndex} with memory reads in address order.
 *
 * <p>One query alone reads a few thousand scattered places (bucket bounds, bucket contents,
 * candidate hashes), each a likely cache and TLB miss. A batch of a thousand queries reads the
 * same arrays millions of times; sorting those reads by address first (a radix partition into
 * windows of 256 KiB, then a counting sort by cache line within each window) turns them into an
 * upward sweep that the hardware prefetcher streams and in which most reads hit lines and pages
 * that a neighbour read just brought in. Measured on a million-entry bank, the line-level sort
 * halved the time per query against the window partition alone. Two rounds: bucket bounds with
 * their runs of positions, then the candidates' hashes. Each read is a packed {@code long} record
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
    /** log2 of the window one partition covers, in array elements: 256 KiB of ints, within L2. */
    private static final int INT_WINDOW = 16;
    /** The same for hashes: 8192 hashes of 32 bytes = 256 KiB. Few windows keep the scatter cheap. */
    private static final int HASH_WINDOW = 13;
    /** log2 of the elements per 64-byte cache line: 16 ints, or 2 hashes of four longs. */
    private static final int INT_LINE = 4;
    private static final int HASH_LINE = 1;

    private final MultiIndex index;

    BatchSearch(MultiIndex index) {
        this.index = index;
    }

    /** Adds the matches of {@code queries[i]} within {@code r} to {@code out[i]}. */
    void search(PdqHash[] queries, int r, Results[] out) {
        if (queries.length > MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds at most " + MAX_BATCH + " queries: " + queries.length);
        }
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
        // Round 1: bucket bounds and bucket contents, read in (table, bucket) order. A bucket's
        // positions are one short run, so sorting the buckets already sweeps them in order.
        long[] byBucket = sort(probes, 1 << (Layout.MAX_WIDTH - INT_WINDOW), INT_WINDOW, true, INT_LINE);
        var hashes = new Records(probes.size * 4);
        for (int j = 0; j < probes.size; j++) {
            long rec = byBucket[j];
            int t = (int) (rec >>> TABLE_SHIFT);
            int bucket = (int) ((rec >>> QUERY_BITS) & ADDRESS_MASK);
            long fixed = rec & ~(ADDRESS_MASK << QUERY_BITS);
            int[] starts = index.offsets[t];
            int from = starts[bucket];
            int to = starts[bucket + 1];
            hashes.reserve(to - from);
            long[] items = hashes.items;
            int n = hashes.size;
            int[] placed = index.positions[t];
            if (placed == null) {
                // Table 0 holds the hashes in its own bucket order: its slots are hash positions.
                for (int i = from; i < to; i++) {
                    items[n++] = fixed | ((long) i << QUERY_BITS);
                }
            } else {
                for (int i = from; i < to; i++) {
                    items[n++] = fixed | ((long) placed[i] << QUERY_BITS);
                }
            }
            hashes.size = n;
        }
        probes = null;
        byBucket = null;
        // Round 2: candidate hashes, read in position order, verified exactly.
        long[] queryWords = new long[4 * queries.length];
        for (int q = 0; q < queries.length; q++) {
            queryWords[4 * q] = queries[q].w0();
            queryWords[4 * q + 1] = queries[q].w1();
            queryWords[4 * q + 2] = queries[q].w2();
            queryWords[4 * q + 3] = queries[q].w3();
        }
        int hashWindows = (int) ((index.size + (1L << HASH_WINDOW) - 1) >>> HASH_WINDOW);
        long[] byPosition = sort(hashes, Math.max(1, hashWindows), HASH_WINDOW, false, HASH_LINE);
        for (int j = 0; j < hashes.size; j++) {
            long rec = byPosition[j];
            int q = (int) (rec & QUERY_MASK);
            int at = 4 * q;
            index.verify((int) ((rec >>> QUERY_BITS) & ADDRESS_MASK), (int) (rec >>> TABLE_SHIFT),
                    queryWords[at], queryWords[at + 1], queryWords[at + 2], queryWords[at + 3], r, radius, out[q]);
        }
    }

    private static void addProbes(int t, int key, int[] masks, int query, Records probes) {
        long fixed = ((long) t << TABLE_SHIFT) | query;
        for (int mask : masks) {
            probes.add(fixed | ((long) (key ^ mask) << QUERY_BITS));
        }
    }

    /**
     * Sorts the records by address, cache line by line: first a partition into windows (in table
     * order when {@code byTable}), then, within each window, a counting sort by cache line. The
     * reads that follow then walk every array upwards, which the hardware prefetcher streams.
     * A window is small enough that its own sort stays in cache.
     */
    private long[] sort(Records records, int windowsPerTable, int window, boolean byTable, int line) {
        int parts = byTable ? index.layout.count * windowsPerTable : windowsPerTable;
        int[] starts = new int[parts + 1];
        long[] from = records.items;
        int n = records.size;
        for (int j = 0; j < n; j++) {
            starts[part(from[j], windowsPerTable, window, byTable) + 1]++;
        }
        int largest = 0;
        for (int p = 0; p < parts; p++) {
            largest = Math.max(largest, starts[p + 1]);
            starts[p + 1] += starts[p];
        }
        long[] to = new long[n];
        int[] cursors = starts.clone();
        for (int j = 0; j < n; j++) {
            long rec = from[j];
            to[cursors[part(rec, windowsPerTable, window, byTable)]++] = rec;
        }
        long[] spare = new long[largest];
        int lines = 1 << (window - line);
        int[] counts = new int[lines + 1];
        long lineMask = lines - 1;
        for (int p = 0; p < parts; p++) {
            int begin = starts[p];
            int end = starts[p + 1];
            if (end - begin < 2) {
                continue;
            }
            Arrays.fill(counts, 0);
            for (int j = begin; j < end; j++) {
                counts[(int) ((to[j] >>> (QUERY_BITS + line)) & lineMask) + 1]++;
            }
            for (int c = 0; c < lines; c++) {
                counts[c + 1] += counts[c];
            }
            for (int j = begin; j < end; j++) {
                long rec = to[j];
                spare[counts[(int) ((rec >>> (QUERY_BITS + line)) & lineMask)]++] = rec;
            }
            System.arraycopy(spare, 0, to, begin, end - begin);
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

        void reserve(int more) {
            if (size + more > items.length) {
                items = Arrays.copyOf(items, Math.max(size + more, size + (size >> 1)));
            }
        }

        void add(long rec) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size + (size >> 1));
            }
            items[size++] = rec;
        }
    }
}
