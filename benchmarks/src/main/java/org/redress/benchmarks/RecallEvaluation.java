package org.redress.benchmarks;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.redress.commandline.ArgumentRules;
import org.redress.commandline.Arguments;
import org.redress.commandline.Command;
import org.redress.commandline.UsageException;
import org.redress.pdq.PdqHash;
import org.redress.pdq.PdqHasher;
import org.redress.pdq.Pixels;
import org.redress.pdq.imageio.DecodeLimits;
import org.redress.pdq.imageio.ImageIoDecoder;
import org.redress.pdq.imageio.UndecodableImageException;

/**
 * {@code redress bench recall PATH... [--bank 1000000] [--max-distance 31]}: how many altered copies
 * of each photograph still match it, per alteration and per matching pipeline, at the production
 * distance; how many copies match a different photograph (every unrelated pair, which must stay 0)
 * and the closest such distance; and false matches of the copies against a bank of synthetic
 * hashes, per million checks. Each photograph's copies go through the production decoder, as an upload would.
 * Give photographs of different scenes: every pair of files is taken as unrelated.
 */
final class RecallEvaluation implements Command {

    private static final ArgumentRules RULES = ArgumentRules.none()
            .switches("--misses")
            .valued("--bank", "--max-distance")
            .positionals("PATH", 1, Integer.MAX_VALUE);

    /** A bank's default quality floor: flatter pictures are not banked, so they are not measured. */
    private static final int QUALITY_FLOOR = 50;

    private static final PdqHasher HASHER = PdqHasher.create();

    private final ImageIoDecoder decoder = ImageIoDecoder.create(DecodeLimits.defaults());

    @Override
    public String name() {
        return "recall";
    }

    @Override
    public String summary() {
        return "recall of altered copies per pipeline: recall PATH... [--bank 1000000] [--max-distance 31]";
    }

    /** A photograph: its name, its pixels, and the pixels of each of its altered copies. */
    private record Photo(String name, Pixels original, List<Pixels> copies) {}

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Arguments parsed = RULES.parse(args);
        int bank = parsed.integer("--bank", 0, 100_000_000, 1_000_000);
        int maxDistance = parsed.integer("--max-distance", 0, 256, 31);
        List<Alteration> alterations = Alteration.standardSet();
        List<Photo> photos = load(parsed.positionals(), alterations, err);
        if (photos.size() < 2) {
            err.println("bench recall: at least two decodable photographs are needed");
            return SOME_INPUT_BAD;
        }
        out.printf(
                Locale.ROOT,
                "photographs=%d alterations=%d max_distance=%d%n",
                photos.size(),
                alterations.size(),
                maxDistance);
        out.printf(Locale.ROOT, "%-26s", "recall");
        for (MatchingPipeline pipeline : MatchingPipeline.values()) {
            out.printf(Locale.ROOT, " %18s", pipeline.label());
        }
        out.println();
        List<List<List<PdqHash>>> entries = new ArrayList<>();
        List<List<List<PdqHash>>> queries = new ArrayList<>();
        // A warm-up pass, so that the first pipeline's timing does not carry the compiler's work.
        photos.forEach(p -> p.copies().forEach(MatchingPipeline.UNFRAMED_QUERY::query));
        var queryMillis = new ArrayList<Double>();
        for (MatchingPipeline pipeline : MatchingPipeline.values()) {
            entries.add(photos.stream().map(p -> pipeline.entry(p.original())).toList());
            var perPhoto = new ArrayList<List<PdqHash>>();
            long start = System.nanoTime();
            for (Photo photo : photos) {
                photo.copies().forEach(copy -> perPhoto.add(pipeline.query(copy)));
            }
            queryMillis.add((System.nanoTime() - start) / 1e6 / perPhoto.size());
            queries.add(perPhoto);
        }
        for (int a = 0; a < alterations.size(); a++) {
            out.printf(Locale.ROOT, "%-26s", alterations.get(a).name());
            for (int p = 0; p < MatchingPipeline.values().length; p++) {
                int found = 0;
                for (int i = 0; i < photos.size(); i++) {
                    List<PdqHash> query = queries.get(p).get(i * alterations.size() + a);
                    if (closest(query, entries.get(p).get(i)) <= maxDistance) {
                        found++;
                    }
                }
                out.printf(Locale.ROOT, " %17.0f%%", 100.0 * found / photos.size());
            }
            out.println();
        }
        printUnrelated(out, photos, alterations.size(), entries, queries, maxDistance);
        out.printf(Locale.ROOT, "%-26s", "query hashing ms/upload");
        for (double millis : queryMillis) {
            out.printf(Locale.ROOT, " %18.2f", millis);
        }
        out.println();
        if (parsed.has("--misses")) {
            printMisses(out, photos, alterations, entries, queries, maxDistance);
        }
        printRandomBank(out, queries, bank, maxDistance);
        return OK;
    }

    /** Each copy the first pipeline misses, and each unrelated pair it matches, by name and distance. */
    private static void printMisses(
            PrintStream out,
            List<Photo> photos,
            List<Alteration> alterations,
            List<List<List<PdqHash>>> entries,
            List<List<List<PdqHash>>> queries,
            int maxDistance) {
        for (int i = 0; i < photos.size(); i++) {
            for (int j = 0; j < photos.size(); j++) {
                for (int a = 0; a < alterations.size(); a++) {
                    int d = closest(
                            queries.get(0).get(j * alterations.size() + a),
                            entries.get(0).get(i));
                    if ((i == j) != (d <= maxDistance)) {
                        out.printf(
                                Locale.ROOT,
                                "%s %s of %s against %s: distance %d%n",
                                i == j ? "missed" : "false match",
                                alterations.get(a).name(),
                                photos.get(j).name(),
                                photos.get(i).name(),
                                d);
                    }
                }
            }
        }
    }

    private static void printUnrelated(
            PrintStream out,
            List<Photo> photos,
            int alterations,
            List<List<List<PdqHash>>> entries,
            List<List<List<PdqHash>>> queries,
            int maxDistance) {
        out.printf(Locale.ROOT, "%-26s", "unrelated false matches");
        StringBuilder closestLine = new StringBuilder(String.format(Locale.ROOT, "%-26s", "closest unrelated"));
        for (int p = 0; p < MatchingPipeline.values().length; p++) {
            int falseMatches = 0;
            int closest = Integer.MAX_VALUE;
            for (int i = 0; i < photos.size(); i++) {
                for (int j = 0; j < photos.size(); j++) {
                    if (i == j) {
                        continue;
                    }
                    for (int a = 0; a < alterations; a++) {
                        int d = closest(
                                queries.get(p).get(j * alterations + a),
                                entries.get(p).get(i));
                        closest = Math.min(closest, d);
                        if (d <= maxDistance) {
                            falseMatches++;
                        }
                    }
                }
            }
            out.printf(Locale.ROOT, " %18d", falseMatches);
            closestLine.append(String.format(Locale.ROOT, " %18d", closest));
        }
        out.println();
        out.println(closestLine);
        out.printf(Locale.ROOT, "%-26s", "hashes per entry");
        for (int p = 0; p < MatchingPipeline.values().length; p++) {
            double mean = entries.get(p).stream().mapToInt(List::size).average().orElse(0);
            out.printf(Locale.ROOT, " %18.1f", mean);
        }
        out.println();
    }

    /**
     * Every altered copy checked against a bank of {@code size} synthetic PDQ hashes (seeded, with
     * the bit bias and near-duplicate families of real banks): the copies that match any entry, per
     * million checks. None of these entries is a copy of the set's photographs, so each is false.
     */
    private static void printRandomBank(PrintStream out, List<List<List<PdqHash>>> queries, int size, int max) {
        if (size == 0) {
            return;
        }
        long[] bank = new SyntheticBank(31).bank(size);
        out.printf(Locale.ROOT, "%-26s", "random bank per million");
        for (List<List<PdqHash>> pipelineQueries : queries) {
            long matched = pipelineQueries.stream()
                    .filter(query -> query.stream().anyMatch(q -> anyWithin(bank, q, max)))
                    .count();
            out.printf(Locale.ROOT, " %18.2f", matched * 1e6 / pipelineQueries.size());
        }
        out.printf(
                Locale.ROOT,
                "%n%-26s %d entries, %d checks per pipeline%n",
                "random bank",
                size,
                queries.getFirst().size());
    }

    private static boolean anyWithin(long[] bank, PdqHash query, int max) {
        for (int i = 0; i < bank.length; i += 4) {
            int distance = Long.bitCount(bank[i] ^ query.w0())
                    + Long.bitCount(bank[i + 1] ^ query.w1())
                    + Long.bitCount(bank[i + 2] ^ query.w2())
                    + Long.bitCount(bank[i + 3] ^ query.w3());
            if (distance <= max) {
                return true;
            }
        }
        return false;
    }

    private static int closest(List<PdqHash> query, List<PdqHash> entry) {
        int best = Integer.MAX_VALUE;
        for (PdqHash q : query) {
            for (PdqHash e : entry) {
                best = Math.min(best, q.distanceTo(e));
            }
        }
        return best;
    }

    private List<Photo> load(List<String> paths, List<Alteration> alterations, PrintStream err) {
        var photos = new ArrayList<Photo>();
        for (String path : paths) {
            try (Stream<Path> walk = Files.walk(Path.of(path))) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    byte[] bytes = Files.readAllBytes(file);
                    BufferedImage read = ImageIO.read(new ByteArrayInputStream(bytes));
                    if (read == null) {
                        err.println(file + ": skipped, not an image ImageIO reads");
                        continue;
                    }
                    Pixels original = decode(bytes);
                    if (HASHER.hash(original).quality().value() < QUALITY_FLOOR) {
                        err.println(file + ": skipped, too flat for a bank (PDQ quality under " + QUALITY_FLOOR + ")");
                        continue;
                    }
                    BufferedImage image = Alteration.asRgb(read);
                    var copies = new ArrayList<Pixels>();
                    for (Alteration alteration : alterations) {
                        copies.add(decode(alteration.apply(image)));
                    }
                    photos.add(new Photo(file.toString(), original, copies));
                }
            } catch (IOException | UndecodableImageException e) {
                err.println(path + ": skipped, " + e.getMessage());
            }
        }
        return photos;
    }

    private Pixels decode(byte[] bytes) throws IOException, UndecodableImageException {
        return decoder.decode(new ByteArrayInputStream(bytes));
    }
}
