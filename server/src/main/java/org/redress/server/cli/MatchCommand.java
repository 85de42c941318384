package org.redress.server.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.redress.commandline.ArgumentRules;
import org.redress.commandline.Arguments;
import org.redress.commandline.Command;
import org.redress.commandline.Futures;
import org.redress.commandline.UsageException;
import org.redress.hashindex.Match;
import org.redress.hashindex.MultiIndex;
import org.redress.pdq.PdqHash;

/**
 * {@code redress match --bank FILE --queries FILE [--max-distance 31] [--timing]}: exact radius
 * search of every query hash against every bank hash. Prints {@code query \t bank \t distance}
 * per pair within the distance, ordered by query index, then distance, then bank index; indexes
 * count the non-blank lines from 0. A malformed line is reported as {@code FILE:LINE: reason},
 * keeps its index, and makes the exit status 1 after the rest has been processed.
 */
final class MatchCommand implements Command {

    /** Queries handed to one worker at a time: large enough to amortise the index's batching. */
    private static final int CHUNK = 2048;

    private static final ArgumentRules RULES =
            ArgumentRules.none().valued("--bank", "--queries", "--max-distance").switches("--timing");

    private record Options(Path bank, Path queries, int maxDistance, boolean timing) {}

    /** The parsed hashes of one file, by index of non-blank line; null marks a malformed line. */
    private record Loaded(List<PdqHash> hashes, boolean allGood) {}

    @Override
    public String name() {
        return "match";
    }

    @Override
    public String summary() {
        return "exact radius search: match --bank FILE --queries FILE [--max-distance 31] [--timing]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Options options = parse(args);
        long started = System.nanoTime();
        Loaded bank = load(options.bank(), err);
        Loaded queries = load(options.queries(), err);
        long loaded = System.nanoTime();
        var builder = MultiIndex.builder();
        for (int i = 0; i < bank.hashes().size(); i++) {
            PdqHash hash = bank.hashes().get(i);
            if (hash != null) {
                builder.add(i, hash);
            }
        }
        MultiIndex index = builder.build();
        long built = System.nanoTime();
        long pairs = search(index, queries.hashes(), options.maxDistance(), out);
        long searched = System.nanoTime();
        if (options.timing()) {
            long valid = queries.hashes().stream().filter(h -> h != null).count();
            err.printf(
                    "load_ms=%d build_ms=%d query_ms=%d queries=%d pairs=%d%n",
                    (loaded - started) / 1_000_000,
                    (built - loaded) / 1_000_000,
                    (searched - built) / 1_000_000,
                    valid,
                    pairs);
        }
        return bank.allGood() && queries.allGood() ? OK : SOME_INPUT_BAD;
    }

    /** Searches in chunks on every core and prints the chunks in query order; returns the pair count. */
    private static long search(MultiIndex index, List<PdqHash> queries, int maxDistance, PrintStream out) {
        int cores = Runtime.getRuntime().availableProcessors();
        long pairs = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(cores)) {
            var pending = new ArrayList<Future<Chunk>>();
            for (int from = 0; from < queries.size(); from += CHUNK) {
                int start = from;
                int end = Math.min(queries.size(), from + CHUNK);
                pending.add(pool.submit(() -> chunk(index, queries, start, end, maxDistance)));
            }
            for (Future<Chunk> future : pending) {
                Chunk chunk = Futures.await(future);
                out.print(chunk.text());
                pairs += chunk.pairs();
            }
        }
        return pairs;
    }

    private record Chunk(String text, long pairs) {}

    private static Chunk chunk(MultiIndex index, List<PdqHash> queries, int from, int to, int maxDistance) {
        var present = new ArrayList<PdqHash>(to - from);
        var positions = new ArrayList<Integer>(to - from);
        for (int q = from; q < to; q++) {
            if (queries.get(q) != null) {
                present.add(queries.get(q));
                positions.add(q);
            }
        }
        List<List<Match>> results = index.searchAll(present, maxDistance);
        var text = new StringBuilder();
        long pairs = 0;
        for (int i = 0; i < results.size(); i++) {
            for (Match match : results.get(i)) {
                text.append(positions.get(i))
                        .append('\t')
                        .append(match.id())
                        .append('\t')
                        .append(match.distance())
                        .append('\n');
                pairs++;
            }
        }
        return new Chunk(text.toString(), pairs);
    }

    private static Loaded load(Path file, PrintStream err) {
        var hashes = new ArrayList<PdqHash>();
        boolean allGood = true;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                try {
                    hashes.add(PdqHash.fromHex(trimmed));
                } catch (IllegalArgumentException e) {
                    err.println(file + ":" + lineNumber + ": " + e.getMessage());
                    hashes.add(null);
                    allGood = false;
                }
            }
        } catch (NoSuchFileException e) {
            err.println(file + ": no such file");
            return new Loaded(List.of(), false);
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return new Loaded(hashes, false);
        }
        return new Loaded(hashes, allGood);
    }

    private static Options parse(List<String> args) throws UsageException {
        Arguments parsed = RULES.parse(args);
        return new Options(
                Path.of(parsed.required("--bank")),
                Path.of(parsed.required("--queries")),
                parsed.integer("--max-distance", 0, 256, 31),
                parsed.has("--timing"));
    }
}
