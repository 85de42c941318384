package org.redress.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.redress.commandline.ArgumentRules;
import org.redress.commandline.Arguments;
import org.redress.commandline.Command;
import org.redress.commandline.Futures;
import org.redress.commandline.UsageException;
import org.redress.pdq.Dihedral;
import org.redress.pdq.Fingerprint;
import org.redress.pdq.PdqHasher;
import org.redress.pdq.imageio.DecodeLimits;
import org.redress.pdq.imageio.ImageIoDecoder;
import org.redress.pdq.imageio.UndecodableImageException;

/**
 * {@code redress hash [--dihedral] [--format tsv|json] PATH...}: hashes image files on all cores
 * and prints one line per image in input order (directories walked recursively, sorted by path).
 */
final class HashCommand implements Command {

    /** Files decoded ahead of the one being printed, per core: bounds memory on huge folders. */
    private static final int IN_FLIGHT_PER_CORE = 4;

    private enum Format {
        TSV,
        JSON
    }

    private record Options(boolean dihedral, Format format, List<Path> paths) {}

    /** What hashing one file gave: fingerprints in dihedral order, or the reason it failed. */
    private record Outcome(
            Path path,
            List<Fingerprint> fingerprints,
            @Nullable String failure) {}

    private static final ArgumentRules RULES =
            ArgumentRules.none().switches("--dihedral").valued("--format").positionals("PATH", 1, Integer.MAX_VALUE);

    private final ImageIoDecoder decoder = ImageIoDecoder.create(DecodeLimits.defaults());
    private final PdqHasher hasher = PdqHasher.create();

    @Override
    public String name() {
        return "hash";
    }

    @Override
    public String summary() {
        return "hash image files: hash [--dihedral] [--format tsv|json] PATH...";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Options options = parse(args);
        boolean allGood = true;
        var files = new ArrayList<Path>();
        for (Path path : options.paths()) {
            try {
                files.addAll(expand(path));
            } catch (IOException e) {
                err.println(path + ": " + describe(e));
                allGood = false;
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        try (ExecutorService pool = Executors.newFixedThreadPool(cores)) {
            var pending = new ArrayDeque<Future<Outcome>>();
            int next = 0;
            while (next < files.size() || !pending.isEmpty()) {
                while (next < files.size() && pending.size() < cores * IN_FLIGHT_PER_CORE) {
                    Path file = files.get(next++);
                    pending.add(pool.submit(() -> hashFile(file, options.dihedral())));
                }
                Outcome outcome = Futures.await(pending.poll());
                if (outcome.failure() != null) {
                    err.println(outcome.path() + ": " + outcome.failure());
                    allGood = false;
                } else {
                    out.println(format(outcome, options));
                }
            }
        }
        return allGood ? OK : SOME_INPUT_BAD;
    }

    private Outcome hashFile(Path file, boolean dihedral) {
        try {
            var pixels = decoder.decode(file);
            Map<Dihedral, Fingerprint> all =
                    hasher.hash(pixels, dihedral ? EnumSet.allOf(Dihedral.class) : EnumSet.of(Dihedral.ORIGINAL));
            return new Outcome(file, List.copyOf(all.values()), null);
        } catch (UndecodableImageException e) {
            return new Outcome(file, List.of(), String.valueOf(e.getMessage()));
        } catch (IOException e) {
            return new Outcome(file, List.of(), describe(e));
        }
    }

    private static String format(Outcome outcome, Options options) {
        String hashes =
                outcome.fingerprints().stream().map(f -> f.hash().toHex()).collect(Collectors.joining(","));
        int quality = outcome.fingerprints().get(0).quality().value();
        return switch (options.format()) {
            case TSV -> hashes + "\t" + quality + "\t" + outcome.path();
            case JSON ->
                "{\"path\":" + Json.string(outcome.path().toString())
                        + (options.dihedral()
                                ? ",\"dihedral\":["
                                        + outcome.fingerprints().stream()
                                                .map(f -> "\"" + f.hash().toHex() + "\"")
                                                .collect(Collectors.joining(","))
                                        + "]"
                                : ",\"pdq\":\"" + hashes + "\"")
                        + ",\"quality\":" + quality + "}";
        };
    }

    /** A file as itself; a directory as its regular files, recursively, in sorted path order. */
    private static List<Path> expand(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            if (!Files.exists(path)) {
                throw new NoSuchFileException(path.toString());
            }
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String describe(IOException e) {
        return e instanceof NoSuchFileException ? "no such file or directory" : "cannot read: " + e.getMessage();
    }

    private static Options parse(List<String> args) throws UsageException {
        Arguments parsed = RULES.parse(args);
        return new Options(
                parsed.has("--dihedral"),
                parsed.choice("--format", Format.TSV),
                parsed.positionals().stream().map(Path::of).toList());
    }
}
