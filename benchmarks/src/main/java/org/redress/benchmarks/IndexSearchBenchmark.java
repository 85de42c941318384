package org.redress.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.redress.hashindex.HammingIndex;
import org.redress.hashindex.LinearIndex;
import org.redress.hashindex.Match;
import org.redress.hashindex.MultiIndex;
import org.redress.pdq.PdqHash;

/**
 * Radius search, one query per call, in the multi-index and in the linear index as the baseline
 * measured in the same run on the same data: a seeded PDQ-like bank ({@link SyntheticBank}, the
 * data of {@code redress bench match}) of {@code size} entries, queries that hit (bank members
 * with 0..16 bits flipped) and queries that miss (fresh hashes). Queries per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class IndexSearchBenchmark {

    private static final int QUERIES = 4096;
    private static final int HIT_FLIPS = 16;

    /** Entries in the bank. */
    @Param({"100000", "1000000"})
    public int size;

    /** The indexes compared. */
    public enum Kind {
        /** Every entry compared with the query: the baseline. */
        LINEAR,
        /** Multi-index hashing: candidates from exact substring lookups, then verified. */
        MULTI
    }

    /** Which index answers. */
    @Param({"LINEAR", "MULTI"})
    public Kind index = Kind.LINEAR;

    /** The largest Hamming distance reported; 31 is PDQ's customary match threshold. */
    @Param({"31"})
    public int radius;

    private HammingIndex searched = LinearIndex.builder().build();
    private PdqHash[] hits = new PdqHash[0];
    private PdqHash[] misses = new PdqHash[0];

    /** Where one thread is in the query lists. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        int next() {
            next = (next + 1) & (QUERIES - 1);
            return next;
        }
    }

    /** Generates the bank and the queries and builds the index, once per run. */
    @Setup(Level.Trial)
    public void build() {
        var data = new SyntheticBank(20261201L);
        long[] bank = data.bank(size);
        hits = new PdqHash[QUERIES];
        misses = new PdqHash[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            hits[i] = data.near(bank, data.nextInt(size), HIT_FLIPS);
            misses[i] = data.miss();
        }
        searched = switch (index) {
            case LINEAR -> {
                var builder = LinearIndex.builder();
                for (int i = 0; i < size; i++) {
                    builder.add(i, SyntheticBank.at(bank, i));
                }
                yield builder.build();
            }
            case MULTI -> {
                var builder = MultiIndex.builder();
                for (int i = 0; i < size; i++) {
                    builder.add(i, SyntheticBank.at(bank, i));
                }
                yield builder.build();
            }
        };
    }

    /**
     * Searches for a bank member with a few bits flipped.
     *
     * @param cursor this thread's place in the queries
     * @return the matches, so the work is not optimised away
     */
    @Benchmark
    public List<Match> hit(Cursor cursor) {
        return searched.search(hits[cursor.next()], radius);
    }

    /**
     * Searches for a hash far from every entry.
     *
     * @param cursor this thread's place in the queries
     * @return the matches (almost always none), so the work is not optimised away
     */
    @Benchmark
    public List<Match> miss(Cursor cursor) {
        return searched.search(misses[cursor.next()], radius);
    }
}
