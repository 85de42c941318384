package org.redress.benchmarks;

import java.util.Random;
import org.redress.pdq.PdqHash;

/**
 * Seeded PDQ-like banks for benchmarks. Real banks are not uniform random: many entries are
 * near-duplicates of one another (re-encodes, crops, re-uploads of the same image), and PDQ bits
 * are biased and correlated. This generator makes half of the entries members of families
 * (2..20 copies of an origin, each 0..40 bits away, most within 10) and draws every bit with its
 * own probability between 0.3 and 0.7, so substring buckets are unevenly filled as in real data.
 */
final class SyntheticBank {

    private final Random random;
    private final double[] ones = new double[256];

    SyntheticBank(long seed) {
        random = new Random(seed);
        for (int k = 0; k < 256; k++) {
            ones[k] = 0.3 + 0.4 * random.nextDouble();
        }
    }

    /** Fills {@code words} (four per hash) with {@code size} bank hashes. */
    long[] bank(int size) {
        long[] words = new long[4 * size];
        int i = 0;
        while (i < size) {
            long[] origin = fresh();
            boolean family = random.nextBoolean();
            int copies = family ? 2 + random.nextInt(19) : 1;
            for (int c = 0; c < copies && i < size; c++, i++) {
                long[] member = c == 0
                        ? origin
                        : flipped(origin, random.nextInt(4) == 0 ? random.nextInt(41) : random.nextInt(11));
                System.arraycopy(member, 0, words, 4 * i, 4);
            }
        }
        return words;
    }

    /** A hash from the same biased distribution, almost surely far from every bank entry. */
    PdqHash miss() {
        return toHash(fresh());
    }

    /** Entry {@code index} of the bank with 0..{@code maxFlips} bits flipped. */
    PdqHash near(long[] bank, int index, int maxFlips) {
        long[] entry = {bank[4 * index], bank[4 * index + 1], bank[4 * index + 2], bank[4 * index + 3]};
        return toHash(flipped(entry, random.nextInt(maxFlips + 1)));
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    static PdqHash at(long[] bank, int index) {
        return new PdqHash(bank[4 * index], bank[4 * index + 1], bank[4 * index + 2], bank[4 * index + 3]);
    }

    private long[] fresh() {
        long[] words = new long[4];
        for (int k = 0; k < 256; k++) {
            if (random.nextDouble() < ones[k]) {
                words[3 - (k >>> 6)] |= 1L << (k & 63);
            }
        }
        return words;
    }

    private long[] flipped(long[] origin, int flips) {
        long[] words = origin.clone();
        int done = 0;
        long[] seen = new long[4];
        while (done < flips) {
            int k = random.nextInt(256);
            if ((seen[k >>> 6] & (1L << (k & 63))) == 0) {
                seen[k >>> 6] |= 1L << (k & 63);
                words[k >>> 6] ^= 1L << (k & 63);
                done++;
            }
        }
        return words;
    }

    private static PdqHash toHash(long[] words) {
        return new PdqHash(words[0], words[1], words[2], words[3]);
    }
}
