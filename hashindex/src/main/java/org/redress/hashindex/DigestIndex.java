package org.redress.hashindex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact lookup of MD5 or SHA-256 digests, each entry with a caller-defined {@code long} id;
 * several entries may share a digest. Digests are stored as big-endian {@code long} words in one
 * primitive array, found through an open-addressing table of entry numbers (linear probing,
 * at most half full), so a bank of millions holds no object per entry.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class DigestIndex {

    private final DigestAlgorithm algorithm;
    private final int wordsPerDigest;
    private final long[] words;
    private final long[] ids;
    /** Entry number + 1 per slot; 0 marks an empty slot. */
    private final int[] slots;

    private DigestIndex(DigestAlgorithm algorithm, Columns columns) {
        this.algorithm = algorithm;
        this.wordsPerDigest = algorithm.bytes() / 8;
        int n = columns.size;
        this.words = Arrays.copyOf(columns.words, n * wordsPerDigest);
        this.ids = Arrays.copyOf(columns.ids, n);
        int capacity = Integer.highestOneBit(Math.max(4, 2 * n - 1)) << 1;
        this.slots = new int[capacity];
        for (int i = 0; i < n; i++) {
            int slot = home(words, i * wordsPerDigest);
            while (slots[slot] != 0) {
                slot = (slot + 1) & (capacity - 1);
            }
            slots[slot] = i + 1;
        }
    }

    /** Returns an empty builder for digests of {@code algorithm}. */
    public static Builder builder(DigestAlgorithm algorithm) {
        return new Builder(algorithm);
    }

    /**
     * Finds the entries holding exactly this digest.
     *
     * @param digest the raw digest bytes, as long as the index's algorithm says (16 or 32)
     * @return their ids in ascending order; empty when none
     * @throws IllegalArgumentException when the digest has the wrong length
     */
    public List<Long> find(byte[] digest) {
        long[] key = toWords(algorithm, digest);
        var found = new ArrayList<Long>(1);
        for (int slot = home(key, 0); slots[slot] != 0; slot = (slot + 1) & (slots.length - 1)) {
            int entry = slots[slot] - 1;
            if (Arrays.equals(words, entry * wordsPerDigest, (entry + 1) * wordsPerDigest, key, 0, wordsPerDigest)) {
                found.add(ids[entry]);
            }
        }
        found.sort(null);
        return List.copyOf(found);
    }

    /** Returns the algorithm of every digest in this index. */
    public DigestAlgorithm algorithm() {
        return algorithm;
    }

    /** Returns the number of entries. */
    public int size() {
        return ids.length;
    }

    /** Returns the bytes held by the index's arrays (digests, ids, slots), without JVM overhead. */
    public long footprintBytes() {
        return 8L * words.length + 8L * ids.length + 4L * slots.length;
    }

    // Digests are uniformly distributed, so mixing the first word is enough to spread the slots.
    private int home(long[] from, int at) {
        long mixed = from[at] * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 32) & (slots.length - 1);
    }

    private static long[] toWords(DigestAlgorithm algorithm, byte[] digest) {
        if (digest.length != algorithm.bytes()) {
            throw new IllegalArgumentException(
                    algorithm + " digests must be " + algorithm.bytes() + " bytes, got " + digest.length);
        }
        long[] words = new long[digest.length / 8];
        for (int i = 0; i < digest.length; i++) {
            words[i / 8] = (words[i / 8] << 8) | (digest[i] & 0xFF);
        }
        return words;
    }

    /** Collects entries for a {@link DigestIndex}. Not thread-safe; reusable after {@link #build()}. */
    public static final class Builder {

        private final DigestAlgorithm algorithm;
        // Rows of four words (SHA-256); MD5 fills two and compact() packs them before building.
        private final Columns columns = new Columns(16);

        private Builder(DigestAlgorithm algorithm) {
            this.algorithm = algorithm;
        }

        /**
         * Adds an entry.
         *
         * @param id the caller's id; need not be unique
         * @param digest the raw digest, {@link DigestAlgorithm#bytes()} long; copied
         * @return this builder
         * @throws IllegalArgumentException when the digest has the wrong length
         */
        public Builder add(long id, byte[] digest) {
            long[] w = toWords(algorithm, digest);
            columns.add(id, w[0], w[1], w.length > 2 ? w[2] : 0, w.length > 2 ? w[3] : 0);
            return this;
        }

        /** Returns an index of the entries added so far; later adds do not change it. */
        public DigestIndex build() {
            return new DigestIndex(algorithm, compact());
        }

        /** Columns keeps four words per row; MD5 needs only the first two of each. */
        private Columns compact() {
            int per = algorithm.bytes() / 8;
            if (per == 4) {
                return columns;
            }
            var packed = new Columns(columns.size);
            packed.size = columns.size;
            for (int i = 0; i < columns.size; i++) {
                System.arraycopy(columns.words, 4 * i, packed.words, per * i, per);
                packed.ids[i] = columns.ids[i];
            }
            return packed;
        }
    }
}
