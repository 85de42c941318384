package org.redress.benchmarks;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.redress.pdq.Dihedral;
import org.redress.pdq.Fingerprint;
import org.redress.pdq.PdqHasher;
import org.redress.pdq.RgbPixels;

/**
 * PDQ hashing of pixels decoded beforehand (so no decoder is measured): the original orientation
 * alone, as an upload check of a hash-only client needs, and all eight dihedral variants from the
 * same DCT, as a check by image does. {@code side} 512 is the largest image the decoder hands on
 * (the reference's pre-step); the image is seeded smooth gradients plus noise, so its hash is
 * not degenerate. Images per second, on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PdqHashingBenchmark {

    private static final Set<Dihedral> ALL = EnumSet.allOf(Dihedral.class);

    /** Width and height of the square image, in pixels. */
    @Param({"512"})
    public int side;

    private final PdqHasher hasher = PdqHasher.create();
    private RgbPixels pixels = RgbPixels.copyOf(1, 1, new int[1]);

    /** Draws the image once per run. */
    @Setup
    public void drawImage() {
        var random = new SplittableRandom(20261205L);
        int[] argb = new int[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int red = (x * 255 / side + random.nextInt(24)) & 0xFF;
                int green = (y * 255 / side + random.nextInt(24)) & 0xFF;
                int blue = ((x + y) * 127 / side + random.nextInt(24)) & 0xFF;
                argb[y * side + x] = 0xFF00_0000 | red << 16 | green << 8 | blue;
            }
        }
        pixels = RgbPixels.copyOf(side, side, argb);
    }

    /**
     * Hashes the image in its original orientation.
     *
     * @return the fingerprint, so the work is not optimised away
     */
    @Benchmark
    public Fingerprint original() {
        return hasher.hash(pixels);
    }

    /**
     * Hashes the image and its seven rotations and mirrorings.
     *
     * @return the eight fingerprints, so the work is not optimised away
     */
    @Benchmark
    public Map<Dihedral, Fingerprint> allEightDihedral() {
        return hasher.hash(pixels, ALL);
    }
}
