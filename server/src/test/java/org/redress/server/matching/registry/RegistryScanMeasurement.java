package org.redress.server.matching.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.redress.hashindex.LinearIndex;
import org.redress.hashindex.Match;
import org.redress.pdq.PdqHash;
import org.redress.pdq.Quality;
import org.redress.server.matching.Bank;
import org.redress.server.matching.BankAction;
import org.redress.server.matching.BankName;

/**
 * Measures, in one process, the retroactive scan over a million registered uploads before and
 * after it moved onto {@code hashindex}: retained heap per upload and time per query at radius 31
 * with a quality floor of 50. "Before" is the layout the registry used to keep (four words and a
 * row id per upload in flat arrays, here a {@link LinearIndex}, plus a quality byte) scanned with
 * the same loop; "after" is {@link RegistryIndex}. Not part of the suite (the name matches neither
 * test pattern); run it with {@code ./mvnw -pl server -am verify -Dtest=RegistryScanMeasurement
 * -Dit.test=NoSuch -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
class RegistryScanMeasurement {

    private static final int UPLOADS = 1_000_000;
    private static final int QUERIES = 2_000;
    private static final long SEED = 20261205L;

    @Test
    void scansAMillionUploads() {
        Bank bank = new Bank("b", new BankName("b"), BankAction.REVIEW, 31, 50, true, Instant.EPOCH);
        List<PdqHash> queries = queries();

        long before = usedHeap();
        var builder = LinearIndex.builder();
        byte[] qualities = new byte[UPLOADS];
        var random = new SplittableRandom(SEED);
        for (int i = 0; i < UPLOADS; i++) {
            builder.add(i, random(random));
            qualities[i] = (byte) random.nextInt(101);
        }
        LinearIndex linear = builder.build();
        builder = null;
        long linearBytes = usedHeap() - before;
        long linearFound = 0;
        long linearNanos = 0;
        for (int pass = 0; pass < 2; pass++) {
            long started = System.nanoTime();
            linearFound = 0;
            for (PdqHash query : queries) {
                for (Match match : linear.search(query, bank.maxDistance())) {
                    if (qualities[(int) match.id()] >= bank.qualityFloor()) {
                        linearFound++;
                    }
                }
            }
            linearNanos = System.nanoTime() - started;
        }
        linear = null;
        qualities = null;

        before = usedHeap();
        var index = new RegistryIndex();
        random = new SplittableRandom(SEED);
        for (int i = 0; i < UPLOADS; i++) {
            PdqHash hash = random(random);
            index.add(i, hash, Optional.of(new Quality(random.nextInt(101))));
        }
        long builtAt = System.nanoTime();
        index.snapshot();
        long buildNanos = System.nanoTime() - builtAt;
        long indexBytes = usedHeap() - before;
        long indexFound = 0;
        long indexNanos = 0;
        for (int pass = 0; pass < 2; pass++) {
            long started = System.nanoTime();
            indexFound = 0;
            for (PdqHash query : queries) {
                indexFound += index.search(List.of(query), bank).size();
            }
            indexNanos = System.nanoTime() - started;
        }

        System.out.printf(
                Locale.ROOT, "registry scan, %,d uploads, %,d queries at radius 31, floor 50%n", UPLOADS, QUERIES);
        System.out.printf(
                Locale.ROOT,
                "  before (linear): %.1f bytes/upload, %.3f ms/query, %d found%n",
                (double) linearBytes / UPLOADS,
                linearNanos / 1e6 / QUERIES,
                linearFound);
        System.out.printf(
                Locale.ROOT,
                "  after (index):   %.1f bytes/upload, %.3f ms/query, %d found, built in %.1f s%n",
                (double) indexBytes / UPLOADS,
                indexNanos / 1e6 / QUERIES,
                indexFound,
                buildNanos / 1e9);
        System.out.printf(
                Locale.ROOT,
                "  after/before: heap %.2f, time per query %.3f%n",
                (double) indexBytes / linearBytes,
                (double) indexNanos / linearNanos);
        assertThat(indexFound).isEqualTo(linearFound);
    }

    /** Perturbed copies (0 to 31 bits) of every 500th upload, and some unrelated hashes. */
    private static List<PdqHash> queries() {
        var random = new SplittableRandom(SEED);
        var flips = new SplittableRandom(SEED + 1);
        List<PdqHash> queries = new ArrayList<>(QUERIES);
        for (int i = 0; i < UPLOADS && queries.size() < QUERIES; i++) {
            PdqHash hash = random(random);
            random.nextInt(101);
            if (i % 500 == 0) {
                queries.add(flips.nextInt(10) == 0 ? random(flips) : flip(flips, hash, flips.nextInt(32)));
            }
        }
        return queries;
    }

    private static PdqHash random(SplittableRandom random) {
        return new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    private static PdqHash flip(SplittableRandom random, PdqHash hash, int bits) {
        long[] words = {hash.w0(), hash.w1(), hash.w2(), hash.w3()};
        for (int i = 0; i < bits; i++) {
            int bit = random.nextInt(256);
            words[bit >>> 6] ^= 1L << (bit & 63);
        }
        return new PdqHash(words[0], words[1], words[2], words[3]);
    }

    private static long usedHeap() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
