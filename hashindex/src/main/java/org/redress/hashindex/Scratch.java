package org.redress.hashindex;

import java.util.Arrays;

/** Working space of one multi-index query: the buckets to read, then the candidates to verify. */
final class Scratch {

    int bucketCount;
    byte[] bucketTables = new byte[256];
    int[] bucketStarts = new int[256];
    int[] bucketEnds = new int[256];

    int candidateCount;
    int[] candidates = new int[1024];
    byte[] candidateTables = new byte[1024];

    void addBucket(int table, int from, int to) {
        if (bucketCount == bucketStarts.length) {
            int grown = bucketCount * 2;
            bucketTables = Arrays.copyOf(bucketTables, grown);
            bucketStarts = Arrays.copyOf(bucketStarts, grown);
            bucketEnds = Arrays.copyOf(bucketEnds, grown);
        }
        bucketTables[bucketCount] = (byte) table;
        bucketStarts[bucketCount] = from;
        bucketEnds[bucketCount++] = to;
    }

    /** Makes room for {@code more} candidates. */
    void reserve(int more) {
        int needed = candidateCount + more;
        if (needed > candidates.length) {
            int grown = Math.max(needed, candidates.length * 2);
            candidates = Arrays.copyOf(candidates, grown);
            candidateTables = Arrays.copyOf(candidateTables, grown);
        }
    }
}
