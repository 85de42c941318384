package org.redress.hashindex;

import java.lang.ref.SoftReference;
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
 *
 * <p>The record arrays of a batch reach a hundred megabytes at ten million entries; each thread
 * keeps its own behind a soft reference and reuses them from batch to batch, so that a busy
 * service does not allocate and zero them again for every batch, while an idle one lets the
 * collector take them back under memory pressure.
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

    private static final ThreadLocal<SoftReference<Buffers>> BUFFERS = new ThreadLocal<>();

    private final MultiIndex index;

    BatchSearch(MultiIndex index) {
        this.index = index;
    }

    /** Adds the matches of {@code queries[i]} within {@code r} to {@code out[i]}. */
    void search(PdqHash[] queries, int r, Results[] out) {
        if (queries.length > MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds at most " + MAX_BATCH + " queries: " + queries.length);
        }
        Buffers buffers = buffers();
        int[] radius = index.radii[r];
        Layout layout = index.layout;
        int probeCount = 0;
        for (int t = 0; t < layout.count; t++) {
            if (radius[t] >= 0) {
                probeCount += index.probeMasks[r][t].length;
            }
        }
        long[] probes = buffers.first(probeCount * queries.length);
        int bucketWindows = 1 << (Layout.MAX_WIDTH - INT_WINDOW);
        // The sort's window counts are taken while the records are made: one pass fewer.
        int[] counts = buffers.starts(layout.count * bucketWindows + 1);
        int n = 0;
        for (int q = 0; q < queries.length; q++) {
            PdqHash query = queries[q];
            for (int t = 0; t < layout.count; t++) {
                if (radius[t] >= 0) {
                    int key = layout.key(t, query.w0(), query.w1(), query.w2(), query.w3());
                    long fixed = ((long) t << TABLE_SHIFT) | q;
                    int tableWindows = t * bucketWindows + 1;
                    for (int mask : index.probeMasks[r][t]) {
                        int bucket = key ^ mask;
                        counts[tableWindows + (bucket >>> INT_WINDOW)]++;
                        probes[n++] = fixed | ((long) bucket << QUERY_BITS);
                    }
                }
            }
        }
        // Round 1: bucket bounds and bucket contents, read in (table, bucket) order. A bucket's
        // positions are one short run, so sorting the buckets already sweeps them in order.
        long[] byBucket = sort(buffers, probes, n, layout.count * bucketWindows, bucketWindows, INT_WINDOW, INT_LINE);
        // The sort leaves its result in one of the two record arrays; candidates go to the other.
        long[] items = byBucket == buffers.a ? buffers.b : buffers.a;
        int hashWindows = Math.max(1, (int) ((index.size + (1L << HASH_WINDOW) - 1) >>> HASH_WINDOW));
        counts = buffers.starts(hashWindows + 1);
        int count = 0;
        for (int j = 0; j < n; j++) {
            long rec = byBucket[j];
            int t = (int) (rec >>> TABLE_SHIFT);
            int bucket = (int) ((rec >>> QUERY_BITS) & ADDRESS_MASK);
            long fixed = rec & ~(ADDRESS_MASK << QUERY_BITS);
            int[] starts = index.offsets[t];
            int from = starts[bucket];
            int to = starts[bucket + 1];
            if (count + to - from > items.length) {
                items = buffers.grow(items, count + to - from);
            }
            int[] placed = index.positions[t];
            if (placed == null) {
                // Table 0 holds the hashes in its own bucket order: its slots are hash positions.
                for (int i = from; i < to; i++) {
                    counts[(i >>> HASH_WINDOW) + 1]++;
                    items[count++] = fixed | ((long) i << QUERY_BITS);
                }
            } else {
                for (int i = from; i < to; i++) {
                    int p = placed[i];
                    counts[(p >>> HASH_WINDOW) + 1]++;
                    items[count++] = fixed | ((long) p << QUERY_BITS);
                }
            }
        }
        // Round 2: candidate hashes, read in position order, verified exactly.
        long[] queryWords = buffers.queryWords;
        for (int q = 0; q < queries.length; q++) {
            queryWords[4 * q] = queries[q].w0();
            queryWords[4 * q + 1] = queries[q].w1();
            queryWords[4 * q + 2] = queries[q].w2();
            queryWords[4 * q + 3] = queries[q].w3();
        }
        long[] byPosition = sort(buffers, items, count, hashWindows, 0, HASH_WINDOW, HASH_LINE);
        for (int j = 0; j < count; j++) {
            long rec = byPosition[j];
            int q = (int) (rec & QUERY_MASK);
            int at = 4 * q;
            index.verify(
                    (int) ((rec >>> QUERY_BITS) & ADDRESS_MASK),
                    (int) (rec >>> TABLE_SHIFT),
                    queryWords[at],
                    queryWords[at + 1],
                    queryWords[at + 2],
                    queryWords[at + 3],
                    r,
                    radius,
                    out[q]);
        }
    }

    private static Buffers buffers() {
        SoftReference<Buffers> held = BUFFERS.get();
        Buffers buffers = held == null ? null : held.get();
        if (buffers == null) {
            buffers = new Buffers();
            BUFFERS.set(new SoftReference<>(buffers));
        }
        return buffers;
    }

    /**
     * Sorts the first {@code n} records of {@code from} (one of the two record arrays of
     * {@code buffers}) by address, cache line by line: first a partition into {@code parts}
     * windows (by table, then address) into the
     * other array ({@code tableStride} windows per table, or 0 to ignore the table), then,
     * within each window, a counting sort by cache line back into
     * {@code from}. The reads that follow then walk every array upwards, which the hardware
     * prefetcher streams. A window is small enough that its own sort stays in cache. The caller
     * has counted the records of window {@code p} into {@code buffers.starts[p + 1]}.
     */
    private static long[] sort(Buffers buffers, long[] from, int n, int parts, int tableStride, int window, int line) {
        int[] starts = buffers.starts;
        for (int p = 0; p < parts; p++) {
            starts[p + 1] += starts[p];
        }
        long[] to = buffers.other(from, n);
        int[] cursors = buffers.cursors(parts);
        System.arraycopy(starts, 0, cursors, 0, parts);
        for (int j = 0; j < n; j++) {
            long rec = from[j];
            int part =
                    (int) (rec >>> TABLE_SHIFT) * tableStride + (int) ((rec >>> QUERY_BITS & ADDRESS_MASK) >>> window);
            to[cursors[part]++] = rec;
        }
        int lines = 1 << (window - line);
        int[] counts = buffers.counts(lines + 1);
        long lineMask = lines - 1L;
        for (int p = 0; p < parts; p++) {
            int begin = starts[p];
            int end = starts[p + 1];
            if (end - begin < 2) {
                if (end > begin) {
                    from[begin] = to[begin];
                }
                continue;
            }
            Arrays.fill(counts, 0, lines + 1, 0);
            for (int j = begin; j < end; j++) {
                counts[(int) ((to[j] >>> (QUERY_BITS + line)) & lineMask) + 1]++;
            }
            counts[0] = begin;
            for (int c = 0; c < lines; c++) {
                counts[c + 1] += counts[c];
            }
            for (int j = begin; j < end; j++) {
                long rec = to[j];
                from[counts[(int) ((rec >>> (QUERY_BITS + line)) & lineMask)]++] = rec;
            }
        }
        return from;
    }

    /** One thread's record arrays and counters, grown as batches need and then reused. */
    private static final class Buffers {

        long[] a = new long[1 << 16];
        long[] b = new long[1 << 16];
        long[] queryWords = new long[4 * MAX_BATCH];
        int[] starts = new int[0];
        private int[] cursors = new int[0];
        private int[] counts = new int[0];

        /** Array {@code a} with room for {@code n} records; its contents are not kept. */
        long[] first(int n) {
            if (a.length < n) {
                a = new long[n];
            }
            return a;
        }

        /** The record array that is not {@code array}, with room for {@code n} records. */
        long[] other(long[] array, int n) {
            if (array == a) {
                if (b.length < n) {
                    b = new long[Math.max(n, a.length)];
                }
                return b;
            }
            if (a.length < n) {
                a = new long[Math.max(n, b.length)];
            }
            return a;
        }

        /** Replaces {@code array} (a or b) by a copy with room for {@code needed} records. */
        long[] grow(long[] array, int needed) {
            long[] grown = Arrays.copyOf(array, Math.max(needed, array.length + (array.length >> 1)));
            if (array == a) {
                a = grown;
            } else {
                b = grown;
            }
            return grown;
        }

        int[] starts(int n) {
            if (starts.length < n) {
                starts = new int[n];
            } else {
                Arrays.fill(starts, 0, n, 0);
            }
            return starts;
        }

        int[] cursors(int n) {
            if (cursors.length < n) {
                cursors = new int[n];
            }
            return cursors;
        }

        int[] counts(int n) {
            if (counts.length < n) {
                counts = new int[n];
            }
            return counts;
        }
    }
}
