package org.redress.hashindex;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.redress.pdq.PdqHash;

/**
 * Exact radius search by multi-index hashing (Norouzi, Punjani and Fleet, "Fast exact search in
 * Hamming space with multi-index hashing", 2014): the 256 bits are cut into {@code m} disjoint
 * substrings of about log2(size) + 1 bits, each with a table from substring value to entries. A
 * query probes, in each table, every substring value within a small radius of its own, and checks
 * the entries found there against the full 256 bits. By the pigeonhole principle every entry
 * within the radius is found in at least one table, so the result is exact.
 *
 * <p>Layout (all primitive arrays): the hashes and ids in the order of the first table's buckets,
 * so that table's candidates are read sequentially; for each other table, an array of entry
 * positions in bucket order; for every table, bucket start offsets. Large radii, where the probes
 * would cost more than reading every hash, fall back to a linear scan, so every radius 0..256 is
 * answered exactly.
 *
 * <p>{@link #search} answers one query with tight loops of independent reads;
 * {@link #searchAll} answers batches of hundreds of queries with their reads sorted by address,
 * faster per query on banks of millions (1.6 to 1.7 times at a thousand queries and a million
 * entries; see {@code BatchSearch}).
 *
 * <p>Immutable and thread-safe once built. Building sorts each table on all available cores.
 */
public final class MultiIndex implements HammingIndex {

    /**
     * Expected probes plus candidates that cost as much as scanning every entry, times 16. Checked
     * on a million uniform hashes: the multi-index was faster up to radius 48 (2.4 against 4.5 ms
     * per query) and this ratio switches to the scan from radius 52, where the two are level.
     */
    private static final int SCAN_COST_RATIO = 16;

    /** Queries per batch in {@link #searchAll}: enough reads per window to share cache lines. */
    static final int BATCH = 1024;

    /**
     * Fewer queries than this are answered one by one: their reads share too few cache lines to pay
     * for sorting them. Measured on a million uniform hashes at radius 31, one thread, against one
     * by one: batches of 100 took twice as long, 300 1.2 times, 500 0.88 times, 1,000 0.6 times.
     * (A stream consumer's poll brings 500 records by default, ADR 0030.)
     */
    static final int MIN_BATCH = 500;

    /** log2 of the partitions a table's build sorts into first: 256 output streams. */
    private static final int PARTITION_BITS = 8;

    /**
     * Expected reads per batch at most, so that a batch's buffers stay within about 200 MB even for
     * radii just below the scan threshold; typical radii at ten million entries allow ~800 queries.
     */
    private static final double BATCH_READS = 1 << 23;

    final Layout layout;
    final int size;
    final long[] words;
    final long[] ids;
    final int[][] offsets;
    final int[][] positions;
    final int[][] radii;
    final boolean[] scans;
    /** probeMasks[r][t]: the XOR masks table t probes for radius r, or null when not probed. */
    final int[][][] probeMasks;
    /** For each radius probed: a query's non-empty buckets and its candidates, on average plus half. */
    private final int[] bucketsPerQuery;

    private final int[] candidatesPerQuery;

    private MultiIndex(Columns columns, Layout layout) {
        this.layout = layout;
        this.size = columns.size;
        int m = layout.count;
        offsets = new int[m][];
        positions = new int[m][];
        int[][] first = bucketsOf(keys(columns.words, 0, new int[size]), 0, new long[size]);
        offsets[0] = first[0];
        int[] order = first[1];
        words = new long[4 * size];
        ids = new long[size];
        for (int i = 0; i < size; i++) {
            int from = order[i];
            System.arraycopy(columns.words, 4 * from, words, 4 * i, 4);
            ids[i] = columns.ids[from];
        }
        // One worker per core, each reusing its own key and partition arrays from table to table:
        // at ten million entries these are 120 MB, which fresh per table would cost the
        // allocator a gigabyte and a half of zeroed pages per build.
        var next = new AtomicInteger(1);
        int workers = Math.max(1, Math.min(m - 1, Runtime.getRuntime().availableProcessors()));
        IntStream.range(0, workers).parallel().forEach(w -> {
            int[] keys = new int[size];
            long[] byPart = new long[size];
            for (int t = next.getAndIncrement(); t < m; t = next.getAndIncrement()) {
                int[][] buckets = bucketsOf(keys(words, t, keys), t, byPart);
                offsets[t] = buckets[0];
                positions[t] = buckets[1];
            }
        });
        radii = new int[MAX_DISTANCE + 1][];
        scans = new boolean[MAX_DISTANCE + 1];
        for (int r = 0; r <= MAX_DISTANCE; r++) {
            radii[r] = layout.probeRadii(r);
            scans[r] = probeCost(radii[r]) * SCAN_COST_RATIO > size;
        }
        probeMasks = new int[MAX_DISTANCE + 1][][];
        bucketsPerQuery = new int[MAX_DISTANCE + 1];
        candidatesPerQuery = new int[MAX_DISTANCE + 1];
        var shared = new java.util.HashMap<Long, int[]>();
        for (int r = 0; r <= MAX_DISTANCE && !scans[r]; r++) {
            probeMasks[r] = new int[m][];
            double buckets = 0;
            double candidates = 0;
            for (int t = 0; t < m; t++) {
                if (radii[r][t] >= 0) {
                    int width = layout.widths[t];
                    int within = radii[r][t];
                    probeMasks[r][t] = shared.computeIfAbsent(
                            ((long) width << 32) | within, unused -> Layout.masksWithin(width, within));
                    // Entries spread over 2^width buckets: a probe finds size / 2^width on average,
                    // and a non-empty bucket with probability 1 - e^(-size / 2^width).
                    double perBucket = (double) size / (1L << width);
                    buckets += probeMasks[r][t].length * -Math.expm1(-perBucket);
                    candidates += probeMasks[r][t].length * perBucket;
                }
            }
            bucketsPerQuery[r] = (int) Math.min(1 << 20, 1.5 * buckets);
            candidatesPerQuery[r] = (int) Math.min(1 << 20, 1.5 * candidates);
        }
    }

    /** Returns an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Table {@code t}'s key of every entry, into {@code keys}: computed once, read twice. */
    private int[] keys(long[] from, int t, int[] keys) {
        for (int i = 0, at = 0; i < size; i++, at += 4) {
            keys[i] = layout.key(t, from[at], from[at + 1], from[at + 2], from[at + 3]);
        }
        return keys;
    }

    /**
     * Table {@code t}'s bucket starts, with the positions of the entries of bucket {@code k} at
     * {@code placed[starts[k]..starts[k + 1])} in ascending order; returns {@code {starts, placed}}.
     *
     * <p>Counting and placing straight into tables of millions of buckets would miss the cache
     * twice per entry. Instead the entries are first partitioned by the top bits of their key
     * (a few hundred sequential output streams), so that each partition's counters and output
     * run then fit in the second-level cache: one extra sequential pass, but no scattered ones.
     * {@code byPart} is the caller's scratch space of at least {@code size} records.
     */
    private int[][] bucketsOf(int[] keys, int t, long[] byPart) {
        int width = layout.widths[t];
        int lowBits = Math.max(0, width - PARTITION_BITS);
        int parts = 1 << (width - lowBits);
        int[] partStarts = new int[parts + 1];
        for (int key : keys) {
            partStarts[(key >>> lowBits) + 1]++;
        }
        for (int p = 0; p < parts; p++) {
            partStarts[p + 1] += partStarts[p];
        }
        int[] cursors = partStarts.clone();
        // key in the high half, position in the low: ascending positions within each partition.
        for (int i = 0; i < size; i++) {
            int key = keys[i];
            byPart[cursors[key >>> lowBits]++] = ((long) key << 32) | i;
        }
        int[] starts = new int[(1 << width) + 1];
        int[] placed = new int[size];
        for (int p = 0; p < parts; p++) {
            int begin = partStarts[p];
            int end = partStarts[p + 1];
            for (int j = begin; j < end; j++) {
                starts[(int) (byPart[j] >>> 32)]++;
            }
            // Cumulative counts make bucket ends; placing backwards turns them into starts.
            int sum = begin;
            for (int k = p << lowBits, last = (p + 1) << lowBits; k < last; k++) {
                sum += starts[k];
                starts[k] = sum;
            }
            for (int j = end - 1; j >= begin; j--) {
                long rec = byPart[j];
                placed[--starts[(int) (rec >>> 32)]] = (int) rec;
            }
        }
        starts[1 << width] = size;
        return new int[][] {starts, placed};
    }

    private double probeCost(int[] radii) {
        double cost = 0;
        for (int t = 0; t < layout.count; t++) {
            if (radii[t] >= 0) {
                double probes = Layout.probes(layout.widths[t], radii[t]);
                cost += probes * (1 + (double) size / (1L << layout.widths[t]));
            }
        }
        return cost;
    }

    @Override
    public List<Match> search(PdqHash query, int maxDistance) {
        Columns.checkDistance(maxDistance);
        var results = new Results();
        searchInto(query, maxDistance, results);
        return results.toList();
    }

    void searchInto(PdqHash query, int r, Results out) {
        if (scans[r]) {
            LinearIndex.scan(words, ids, size, query, r, out);
            return;
        }
        long q0 = query.w0();
        long q1 = query.w1();
        long q2 = query.w2();
        long q3 = query.w3();
        int[] radius = radii[r];
        var scratch = new Scratch(bucketsPerQuery[r], candidatesPerQuery[r]);
        // Three passes, each a tight loop of independent memory reads, so that the processor
        // keeps many cache misses in flight instead of chasing one bucket at a time: bucket
        // bounds first, then the positions in the buckets, then the hashes at those positions.
        for (int t = 0; t < layout.count; t++) {
            if (radius[t] >= 0) {
                collectBuckets(t, layout.key(t, q0, q1, q2, q3), probeMasks[r][t], scratch);
            }
        }
        collectCandidates(scratch);
        int[] candidates = scratch.candidates;
        byte[] tables = scratch.candidateTables;
        for (int c = 0, n = scratch.candidateCount; c < n; c++) {
            verify(candidates[c], tables[c], q0, q1, q2, q3, r, radius, out);
        }
    }

    @Override
    public List<List<Match>> searchAll(List<PdqHash> queries, int maxDistance) {
        Results[] results = searchAllInto(queries, maxDistance);
        var all = new java.util.ArrayList<List<Match>>(results.length);
        for (Results result : results) {
            all.add(result.toList());
        }
        return List.copyOf(all);
    }

    /** The matches of each query, in the order of {@code queries}, found batch by batch. */
    Results[] searchAllInto(List<PdqHash> queries, int maxDistance) {
        Columns.checkDistance(maxDistance);
        Results[] results = new Results[queries.size()];
        for (int i = 0; i < results.length; i++) {
            results[i] = new Results();
        }
        if (scans[maxDistance] || queries.size() < MIN_BATCH) {
            for (int i = 0; i < results.length; i++) {
                searchInto(queries.get(i), maxDistance, results[i]);
            }
            return results;
        }
        var batch = new BatchSearch(this);
        int largest = (int) Math.max(1, Math.min(BATCH, BATCH_READS / probeCost(radii[maxDistance])));
        // Batches of equal size: a short last batch would share fewer cache lines per read.
        int batches = Math.max(1, (queries.size() + largest - 1) / largest);
        int perBatch = (queries.size() + batches - 1) / batches;
        for (int from = 0; from < queries.size(); from += perBatch) {
            int n = Math.min(perBatch, queries.size() - from);
            PdqHash[] chunk = queries.subList(from, from + n).toArray(new PdqHash[0]);
            batch.search(chunk, maxDistance, java.util.Arrays.copyOfRange(results, from, from + n));
        }
        return results;
    }

    /** Appends the non-empty buckets of table {@code t} within {@code radius} of {@code key}. */
    private void collectBuckets(int t, int key, int[] masks, Scratch scratch) {
        int[] starts = offsets[t];
        for (int mask : masks) {
            int bucket = key ^ mask;
            int from = starts[bucket];
            int to = starts[bucket + 1];
            if (from != to) {
                scratch.addBucket(t, from, to);
            }
        }
    }

    private void collectCandidates(Scratch scratch) {
        for (int b = 0, n = scratch.bucketCount; b < n; b++) {
            int t = scratch.bucketTables[b];
            int[] placed = positions[t];
            int from = scratch.bucketStarts[b];
            int to = scratch.bucketEnds[b];
            scratch.reserve(to - from);
            int c = scratch.candidateCount;
            if (placed == null) {
                for (int i = from; i < to; i++, c++) {
                    scratch.candidates[c] = i;
                    scratch.candidateTables[c] = (byte) t;
                }
            } else {
                for (int i = from; i < to; i++, c++) {
                    scratch.candidates[c] = placed[i];
                    scratch.candidateTables[c] = (byte) t;
                }
            }
            scratch.candidateCount = c;
        }
    }

    void verify(int p, int table, long q0, long q1, long q2, long q3, int r, int[] radius, Results out) {
        int at = 4 * p;
        long x0 = words[at] ^ q0;
        long x1 = words[at + 1] ^ q1;
        int d = Long.bitCount(x0) + Long.bitCount(x1);
        // Most candidates are far away: half the bits already exceed the radius for nearly all
        // of them, so the other two words are read and counted only for the few that remain.
        if (d > r) {
            return;
        }
        long x2 = words[at + 2] ^ q2;
        long x3 = words[at + 3] ^ q3;
        d += Long.bitCount(x2) + Long.bitCount(x3);
        if (d > r) {
            return;
        }
        // An entry within the radius is reported only by the first table that finds it.
        for (int s = 0; s < table; s++) {
            if (radius[s] >= 0 && layout.distance(s, x0, x1, x2, x3) <= radius[s]) {
                return;
            }
        }
        out.add(ids[p], d);
    }

    @Override
    public int size() {
        return size;
    }

    /** Counts the entries whose id is in {@code sortedIds} (ascending). */
    int countIds(long[] sortedIds) {
        if (sortedIds.length == 0) {
            return 0;
        }
        int count = 0;
        for (long id : ids) {
            if (java.util.Arrays.binarySearch(sortedIds, id) >= 0) {
                count++;
            }
        }
        return count;
    }

    /** Adds every entry whose id is not in {@code sortedIds} (ascending) to {@code builder}. */
    void forEachEntryExcept(long[] sortedIds, Builder builder) {
        for (int i = 0; i < size; i++) {
            if (sortedIds.length == 0 || java.util.Arrays.binarySearch(sortedIds, ids[i]) < 0) {
                builder.columns.add(ids[i], words[4 * i], words[4 * i + 1], words[4 * i + 2], words[4 * i + 3]);
            }
        }
    }

    /** Returns the number of substrings (tables) the 256 bits are cut into, 11..32. */
    public int substrings() {
        return layout.count;
    }

    @Override
    public long footprintBytes() {
        long bytes = 8L * words.length + 8L * ids.length;
        for (int t = 0; t < layout.count; t++) {
            bytes += 4L * offsets[t].length + (positions[t] == null ? 0 : 4L * positions[t].length);
        }
        return bytes;
    }

    /** Collects entries for a {@link MultiIndex}. Not thread-safe; reusable after {@link #build()}. */
    public static final class Builder {

        private final Columns columns = new Columns(16);
        private int substrings;

        private Builder() {}

        /**
         * Fixes the number of substrings instead of choosing it from the bank size: for measuring
         * layouts against each other. Without this call the index uses about 256 / log2(size).
         *
         * @param count 11..32 (every substring then holds 8..24 bits)
         * @return this builder
         * @throws IllegalArgumentException when {@code count} is outside 11..32
         */
        public Builder substrings(int count) {
            Layout.of(count);
            this.substrings = count;
            return this;
        }

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
        public MultiIndex build() {
            return new MultiIndex(columns, substrings == 0 ? Layout.forSize(columns.size) : Layout.of(substrings));
        }

        /** Builds with a given substring count: for measurements and tests of the layout. */
        MultiIndex build(int substrings) {
            return new MultiIndex(columns, Layout.of(substrings));
        }
    }
}
