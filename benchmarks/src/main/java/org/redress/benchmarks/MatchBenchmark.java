package org.redress.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.redress.commandline.ArgumentRules;
import org.redress.commandline.Arguments;
import org.redress.commandline.Command;
import org.redress.commandline.Futures;
import org.redress.commandline.UsageException;
import org.redress.hashindex.HammingIndex;
import org.redress.hashindex.LinearIndex;
import org.redress.hashindex.Match;
import org.redress.hashindex.MultiIndex;
import org.redress.pdq.PdqHash;

/**
 * {@code redress bench match [--sizes N,N...] [--seconds S] [--rounds R] [--radius R] [--substrings M]}: in one
 * run and on the same data, for each bank size, the build time, the bytes per entry and the
 * queries per second of the linear index and the multi-index, for queries that hit (bank members
 * with 0..16 bits flipped) and queries that miss (fresh hashes), on one core and on all cores.
 * Smaller sizes are prefixes of the largest bank, so every size sees the same data.
 *
 * <p>Bytes per entry is the sum of the index's primitive arrays (hashes, ids, tables) divided by
 * the entry count, as {@link HammingIndex#footprintBytes()} reports; JVM object headers add a few
 * hundred bytes per index, not per entry.
 */
final class MatchBenchmark implements Command {

    private static final ArgumentRules RULES =
            ArgumentRules.none().repeatable("--sizes").valued("--seconds", "--rounds", "--radius", "--substrings");

    private static final int QUERIES = 4096;
    private static final int HIT_FLIPS = 16;
    /** Queries the multi-index answers per call: its batched path orders memory reads. */
    private static final int BATCH = 1024;

    @Override
    public String name() {
        return "match";
    }

    @Override
    public String summary() {
        return "index throughput, linear against multi-index: match [--sizes 1000000,10000000] [--seconds 2]"
                + " [--rounds 3] [--radius 31] [--substrings 11..32]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Arguments parsed = RULES.parse(args);
        int[] sizes = parsed.integers("--sizes", 1, Integer.MAX_VALUE / 4, List.of(1_000_000, 10_000_000)).stream()
                .mapToInt(Integer::intValue)
                .toArray();
        Duration budget = Duration.ofMillis((long) (1000 * parsed.positive("--seconds", 2)));
        int radius = parsed.integer("--radius", 0, 256, 31);
        int substrings = parsed.integer("--substrings", 11, 32, 0); // 0: the index chooses
        int rounds = parsed.integer("--rounds", 1, 1_000, 3);
        int cores = Runtime.getRuntime().availableProcessors();
        int largest = Arrays.stream(sizes).max().orElseThrow();
        var data = new SyntheticBank(20261201L);
        long started = System.nanoTime();
        long[] bank = data.bank(largest);
        List<PdqHash> misses = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            misses.add(data.miss());
        }
        out.printf(
                "bank: %d PDQ-like hashes (half in near-duplicate families, biased bits), generated in %d ms;"
                        + " radius=%d cores=%d seconds_per_measurement=%.1f rounds=%d (median shown)%n",
                largest, millisSince(started), radius, cores, budget.toMillis() / 1000.0, rounds);
        for (int size : sizes) {
            List<PdqHash> hits = new ArrayList<>();
            for (int i = 0; i < QUERIES; i++) {
                hits.add(data.near(bank, data.nextInt(size), HIT_FLIPS));
            }
            report(out, bank, size, substrings, radius, cores, budget, rounds, hits, misses);
        }
        return OK;
    }

    private void report(
            PrintStream out,
            long[] bank,
            int size,
            int substrings,
            int radius,
            int cores,
            Duration budget,
            int rounds,
            List<PdqHash> hits,
            List<PdqHash> misses) {
        long started = System.nanoTime();
        var linearBuilder = LinearIndex.builder();
        for (int i = 0; i < size; i++) {
            linearBuilder.add(i, SyntheticBank.at(bank, i));
        }
        LinearIndex linear = linearBuilder.build();
        long linearMillis = millisSince(started);
        var multiBuilder = MultiIndex.builder();
        for (int i = 0; i < size; i++) {
            multiBuilder.add(i, SyntheticBank.at(bank, i));
        }
        if (substrings != 0) {
            multiBuilder.substrings(substrings);
        }
        started = System.nanoTime();
        MultiIndex multi = multiBuilder.build();
        long multiMillis = millisSince(started);
        multiBuilder = null; // lets the builder's copy of the bank go before measuring
        out.printf("%nsize=%d multi_substrings=%d%n", size, multi.substrings());
        out.printf("  build_ms        linear=%d multi=%d%n", linearMillis, multiMillis);
        out.printf(
                "  bytes_per_entry linear=%.1f multi=%.1f%n",
                (double) linear.footprintBytes() / size, (double) multi.footprintBytes() / size);
        HammingIndex[] indexes = {linear, multi};
        String[] names = {"linear", "multi"};
        for (HammingIndex index : indexes) {
            measure(index, hits, radius, 1, Duration.ofMillis(Math.min(1000, budget.toMillis())));
        }
        // Every mode once per round, modes interleaved, median of the rounds reported: load from
        // other processes on a shared machine then hits every mode alike.
        double[][][] samples = new double[2][4][rounds];
        double[][] matches = new double[2][4];
        for (int round = 0; round < rounds; round++) {
            for (int x = 0; x < 2; x++) {
                int column = 0;
                for (int threads : new int[] {1, cores}) {
                    for (List<PdqHash> queries : List.of(misses, hits)) {
                        Measurement m = measure(indexes[x], queries, radius, threads, budget);
                        samples[x][column][round] = m.qps();
                        matches[x][column++] = m.matchesPerQuery();
                    }
                }
            }
        }
        double[][] rates = new double[2][4];
        for (int x = 0; x < 2; x++) {
            for (int c = 0; c < 4; c++) {
                double[] sorted = samples[x][c].clone();
                Arrays.sort(sorted);
                rates[x][c] = sorted[rounds / 2];
                out.printf(
                        "  %-6s %-4s threads=%d qps=%10.1f  (rounds: %s)  matches_per_query=%.2f%n",
                        names[x],
                        c % 2 == 0 ? "miss" : "hit",
                        c < 2 ? 1 : cores,
                        rates[x][c],
                        rounded(samples[x][c]),
                        matches[x][c]);
            }
        }
        String[] labels = {"miss 1 core", "hit 1 core", "miss " + cores + " cores", "hit " + cores + " cores"};
        for (int c = 0; c < 4; c++) {
            out.printf("  ratio multi/linear %-14s %6.1fx%n", labels[c], rates[1][c] / rates[0][c]);
        }
    }

    private record Measurement(double qps, double matchesPerQuery) {}

    private static String rounded(double[] values) {
        return String.join(
                " ",
                Arrays.stream(values)
                        .mapToObj(v -> String.valueOf(Math.round(v)))
                        .toList());
    }

    private static Measurement measure(
            HammingIndex index, List<PdqHash> queries, int radius, int threads, Duration budget) {
        var done = new AtomicLong();
        var matches = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            var workers = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                int offset = t * queries.size() / threads;
                workers.add(pool.submit(() -> {
                    long count = 0;
                    long found = 0;
                    int batch = index instanceof MultiIndex ? BATCH : 1;
                    for (int i = offset; System.nanoTime() < deadline; i += batch) {
                        int from = i % queries.size();
                        int to = Math.min(queries.size(), from + batch);
                        for (List<Match> result : index.searchAll(queries.subList(from, to), radius)) {
                            found += result.size();
                            count++;
                        }
                    }
                    done.addAndGet(count);
                    matches.addAndGet(found);
                    return null;
                }));
            }
            workers.forEach(Futures::await);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Measurement(done.get() / seconds, (double) matches.get() / Math.max(1, done.get()));
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
