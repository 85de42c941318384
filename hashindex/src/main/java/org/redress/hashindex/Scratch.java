package org.redress.hashindex;

import java.util.Arrays;

/** Working space of one multi-index query: the buckets to read, then the candidates to verify. */
final class Scratch {

    int bucketCount;
    byte[] bucketTables;
    int[] bucketStarts;
    int[] bucketEnds;

    int candidateCount;
    int[] candidates;
    byte[] candidateTables;

    /**
     * Sized for a query's expected buckets and candidates up front: grown by doubling from a small
     * start, the copies were a third of what a search allocated.
     */
    Scratch(int buckets, int expectedCandidates) {
        bucketTables = new byte[Math.max(16, buckets)];
        bucketStarts = new int[bucketTables.length];
        bucketEnds = new int[bucketTables.length];
        candidates = new int[Math.max(64, expectedCandidates)];
        candidateTables = new byte[candidates.length];
    }

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
