package org.redress.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.redress.commandline.ArgumentRules;
import org.redress.commandline.Arguments;
import org.redress.commandline.Command;
import org.redress.commandline.Futures;
import org.redress.commandline.UsageException;
import org.redress.pdq.PdqHasher;
import org.redress.pdq.Pixels;
import org.redress.pdq.imageio.DecodeLimits;
import org.redress.pdq.imageio.ImageIoDecoder;
import org.redress.pdq.imageio.UndecodableImageException;

/**
 * {@code redress bench hash DIR [--seconds S] [--rounds R]}: images per second for decoding alone
 * and for decoding plus hashing, on one core and on all cores, over the same files held in memory
 * (so the disk is not measured), plus hashing alone on pixels decoded beforehand. Modes alternate within each round
 * and the median round is
 * reported, so that drift on a shared machine hits every mode alike.
 */
final class HashBenchmark implements Command {

    private static final ArgumentRules RULES =
            ArgumentRules.none().valued("--seconds", "--rounds").positionals("DIR", 1, 1);

    private enum Mode {
        DECODE,
        DECODE_AND_HASH,
        HASH_ONLY
    }

    private final ImageIoDecoder decoder = ImageIoDecoder.create(DecodeLimits.defaults());
    private final PdqHasher hasher = PdqHasher.create();

    @Override
    public String name() {
        return "hash";
    }

    @Override
    public String summary() {
        return "hashing throughput over a directory of images: hash DIR [--seconds 3] [--rounds 3]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Arguments parsed = RULES.parse(args);
        Path dir = Path.of(parsed.positionals().get(0));
        Duration perMeasurement = Duration.ofMillis((long) (1000 * parsed.positive("--seconds", 3)));
        int rounds = parsed.integer("--rounds", 1, 1_000, 3);
        List<Image> images = load(dir, err);
        if (images.isEmpty()) {
            err.println("bench hash: no decodable images under " + dir);
            return SOME_INPUT_BAD;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(
                "images=%d cores=%d seconds_per_measurement=%.1f rounds=%d%n",
                images.size(), cores, perMeasurement.toMillis() / 1000.0, rounds);
        // Warm-up: every mode once, so the JIT has compiled both paths before measuring.
        for (Mode mode : Mode.values()) {
            measure(images, mode, 1, perMeasurement);
            measure(images, mode, cores, perMeasurement);
        }
        double[][] rates = new double[5][rounds];
        for (int r = 0; r < rounds; r++) {
            rates[0][r] = measure(images, Mode.DECODE, 1, perMeasurement);
            rates[1][r] = measure(images, Mode.DECODE_AND_HASH, 1, perMeasurement);
            rates[2][r] = measure(images, Mode.DECODE, cores, perMeasurement);
            rates[3][r] = measure(images, Mode.DECODE_AND_HASH, cores, perMeasurement);
            rates[4][r] = measure(images, Mode.HASH_ONLY, 1, perMeasurement);
        }
        double decodeOne = median(rates[0]);
        double bothOne = median(rates[1]);
        double decodeAll = median(rates[2]);
        double bothAll = median(rates[3]);
        double hashOne = median(rates[4]);
        out.printf("decode            1 core : %8.1f images/s%n", decodeOne);
        out.printf("decode+hash       1 core : %8.1f images/s%n", bothOne);
        out.printf("decode        %2d cores   : %8.1f images/s%n", cores, decodeAll);
        out.printf("decode+hash   %2d cores   : %8.1f images/s%n", cores, bothAll);
        out.printf("hash alone        1 core : %8.1f images/s (pixels decoded beforehand)%n", hashOne);
        out.printf(
                "hash_adds_to_decode_time 1 core=%.1f%% all cores=%.1f%% from hash alone=%.1f%%%n",
                100 * (decodeOne / bothOne - 1), 100 * (decodeAll / bothAll - 1), 100 * decodeOne / hashOne);
        out.printf("all_core_scaling decode=%.2fx decode+hash=%.2fx%n", decodeAll / decodeOne, bothAll / bothOne);
        return OK;
    }

    private double measure(List<Image> images, Mode mode, int threads, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        var done = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            var workers = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                int offset = t * images.size() / threads;
                workers.add(pool.submit(() -> {
                    for (int i = offset; System.nanoTime() < deadline; i++) {
                        process(images.get(i % images.size()), mode);
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            workers.forEach(Futures::await);
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private void process(Image image, Mode mode) throws IOException, UndecodableImageException {
        switch (mode) {
            case DECODE -> decoder.decode(new ByteArrayInputStream(image.bytes()));
            case DECODE_AND_HASH -> hasher.hash(decoder.decode(new ByteArrayInputStream(image.bytes())));
            case HASH_ONLY -> hasher.hash(image.pixels());
        }
    }

    /** A file's bytes and, for the hash-alone measurement, its decoded pixels. */
    @SuppressWarnings("ArrayRecordComponent") // a benchmark's input, never compared
    private record Image(byte[] bytes, Pixels pixels) {}

    private List<Image> load(Path dir, PrintStream err) {
        var images = new ArrayList<Image>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(file);
                try {
                    images.add(new Image(bytes, decoder.decode(new ByteArrayInputStream(bytes))));
                } catch (UndecodableImageException e) {
                    err.println(file + ": skipped, " + e.getMessage());
                }
            }
        } catch (IOException e) {
            err.println(dir + ": cannot read: " + e.getMessage());
        }
        return images;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
