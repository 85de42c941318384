package org.redress.hashindex;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.redress.pdq.PdqHash;

/** Seeded generators of banks and queries for the differential tests. */
final class Banks {

    private Banks() {}

    static PdqHash random(Random random) {
        return new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    /** {@code hash} with {@code flips} distinct random bits inverted. */
    static PdqHash flip(PdqHash hash, int flips, Random random) {
        long[] w = {hash.w0(), hash.w1(), hash.w2(), hash.w3()};
        var chosen = new java.util.BitSet(256);
        while (chosen.cardinality() < flips) {
            chosen.set(random.nextInt(256));
        }
        chosen.stream().forEach(bit -> w[bit >>> 6] ^= 1L << (bit & 63));
        return new PdqHash(w[0], w[1], w[2], w[3]);
    }

    /**
     * A bank like real ones: families of near-duplicates (0..40 bits from their origin), repeated
     * hashes, the all-zero hash and some unrelated random hashes.
     */
    static List<PdqHash> clustered(Random random, int size) {
        var bank = new ArrayList<PdqHash>(size);
        bank.add(PdqHash.zero());
        while (bank.size() < size) {
            PdqHash origin =
                    random.nextInt(10) == 0 ? flip(PdqHash.zero(), random.nextInt(20), random) : random(random);
            int family = 1 + random.nextInt(12);
            for (int i = 0; i < family && bank.size() < size; i++) {
                int kind = random.nextInt(10);
                if (kind == 0) {
                    bank.add(origin);
                } else {
                    bank.add(flip(origin, random.nextInt(kind < 7 ? 12 : 41), random));
                }
            }
        }
        return bank;
    }

    static List<PdqHash> uniform(Random random, int size) {
        var bank = new ArrayList<PdqHash>(size);
        for (int i = 0; i < size; i++) {
            bank.add(random(random));
        }
        return bank;
    }

    /** Queries near bank members (0..70 bits away), fresh random hashes and the all-zero hash. */
    static List<PdqHash> queries(Random random, List<PdqHash> bank, int count) {
        var queries = new ArrayList<PdqHash>(count);
        queries.add(PdqHash.zero());
        while (queries.size() < count) {
            if (bank.isEmpty() || random.nextInt(5) == 0) {
                queries.add(random(random));
            } else {
                queries.add(flip(bank.get(random.nextInt(bank.size())), random.nextInt(71), random));
            }
        }
        return queries;
    }
}
