package org.redress.pdq;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Computes PDQ hashes of decoded pixels, exactly as {@code docs/pdq.md} states the algorithm:
 * luma, Jarosz blur, decimation to 64 x 64, quality, a 16 x 16 DCT, and one bit per coefficient
 * against the median.
 *
 * <p>The arithmetic is IEEE single precision in the reference's order, so that identical pixels
 * give bit-identical hashes to the C++ reference that StopNCII.org and Meta use.
 *
 * <p>Instances are immutable and safe to share between threads; each call allocates its own
 * scratch space (two floats per pixel).
 *
 * <pre>{@code
 * PdqHasher hasher = PdqHasher.create();
 * Fingerprint fp = hasher.hash(pixels);
 * Map<Dihedral, Fingerprint> all = hasher.hash(pixels, EnumSet.allOf(Dihedral.class));
 * }</pre>
 */
public final class PdqHasher {

    /** Images narrower or shorter than this hash to all zeros with quality 0. */
    public static final int MIN_HASHABLE_SIDE = 5;

    private static final int SIDE = 64;
    private static final int DCT_SIDE = 16;
    private static final int COEFFICIENTS = DCT_SIDE * DCT_SIDE;

    private static final float LUMA_RED = 0.299f;
    private static final float LUMA_GREEN = 0.587f;
    private static final float LUMA_BLUE = 0.114f;

    /** Gradient sum per quality point (reference constant: 90). */
    private static final int GRADIENT_PER_QUALITY_POINT = 90;

    /** D[i][j], 16 x 64 row-major; row i is the cosine of frequency i + 1 (the DC row is skipped). */
    private static final float[] DCT_BASIS = dctBasis();

    private static final PdqHasher INSTANCE = new PdqHasher();

    private PdqHasher() {}

    /** Returns the hasher. It holds no state, so one instance serves every thread. */
    public static PdqHasher create() {
        return INSTANCE;
    }

    /**
     * Hashes the pixels as given.
     *
     * @param pixels decoded pixels; no resizing is applied here (the 512 x 512 pre-step of the
     *     reference file tool belongs to decoding, see {@code org.redress.pdq.imageio})
     * @return the hash and its quality; all zeros with quality 0 for images under 5 pixels on a side
     */
    public Fingerprint hash(Pixels pixels) {
        return hash(pixels, EnumSet.of(Dihedral.ORIGINAL)).get(Dihedral.ORIGINAL);
    }

    /**
     * Hashes the pixels and derives the hashes of the requested rotations and reflections from the
     * same DCT, without transforming the image.
     *
     * @param pixels decoded pixels, used as given
     * @param variants which dihedral variants to return; may be empty
     * @return an unmodifiable map with one entry per requested variant, in {@link Dihedral} order;
     *     all variants share the quality of the original
     */
    public Map<Dihedral, Fingerprint> hash(Pixels pixels, Set<Dihedral> variants) {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(variants, "variants");
        var result = new EnumMap<Dihedral, Fingerprint>(Dihedral.class);
        int width = pixels.width();
        int height = pixels.height();
        if (width < MIN_HASHABLE_SIDE || height < MIN_HASHABLE_SIDE) {
            var nothing = new Fingerprint(PdqHash.zero(), new Quality(0));
            variants.forEach(variant -> result.put(variant, nothing));
            return Collections.unmodifiableMap(result);
        }
        float[] luma = luma(pixels);
        float[] cells;
        if (width == SIDE && height == SIDE) {
            cells = luma;
        } else {
            cells = JaroszBlur.blurAndDecimate(luma, width, height);
        }
        var quality = new Quality(quality(cells));
        float[] coefficients = dct(cells);
        for (Dihedral variant : variants) {
            result.put(variant, new Fingerprint(threshold(transform(coefficients, variant)), quality));
        }
        return Collections.unmodifiableMap(result);
    }

    private static float[] luma(Pixels pixels) {
        return switch (pixels) {
            case RgbPixels rgb -> {
                int[] packed = rgb.packed();
                float[] out = new float[packed.length];
                for (int i = 0; i < packed.length; i++) {
                    int p = packed[i];
                    int red = (p >>> 16) & 0xFF;
                    int green = (p >>> 8) & 0xFF;
                    int blue = p & 0xFF;
                    out[i] = LUMA_RED * red + LUMA_GREEN * green + LUMA_BLUE * blue;
                }
                yield out;
            }
            case GreyPixels grey -> {
                byte[] values = grey.values();
                float[] out = new float[values.length];
                for (int i = 0; i < values.length; i++) {
                    out[i] = values[i] & 0xFF;
                }
                yield out;
            }
        };
    }

    /** Sums the truncated percentage steps between neighbouring cells, 90 per quality point. */
    private static int quality(float[] cells) {
        int gradientSum = 0;
        for (int i = 0; i < SIDE - 1; i++) {
            for (int j = 0; j < SIDE; j++) {
                gradientSum += Math.abs(step(cells[i * SIDE + j], cells[(i + 1) * SIDE + j]));
            }
        }
        for (int i = 0; i < SIDE; i++) {
            for (int j = 0; j < SIDE - 1; j++) {
                gradientSum += Math.abs(step(cells[i * SIDE + j], cells[i * SIDE + j + 1]));
            }
        }
        return Math.min(100, gradientSum / GRADIENT_PER_QUALITY_POINT);
    }

    private static int step(float u, float v) {
        return (int) (((u - v) * 100) / 255);
    }

    /** B = D * A * D^T, every entry a float sum in increasing k. */
    private static float[] dct(float[] cells) {
        float[] partial = new float[DCT_SIDE * SIDE];
        for (int i = 0; i < DCT_SIDE; i++) {
            int rowOut = i * SIDE;
            for (int k = 0; k < SIDE; k++) {
                float d = DCT_BASIS[i * SIDE + k];
                int rowIn = k * SIDE;
                for (int j = 0; j < SIDE; j++) {
                    partial[rowOut + j] += d * cells[rowIn + j];
                }
            }
        }
        float[] coefficients = new float[COEFFICIENTS];
        for (int i = 0; i < DCT_SIDE; i++) {
            for (int j = 0; j < DCT_SIDE; j++) {
                float sum = 0.0f;
                for (int k = 0; k < SIDE; k++) {
                    sum += partial[i * SIDE + k] * DCT_BASIS[j * SIDE + k];
                }
                coefficients[i * DCT_SIDE + j] = sum;
            }
        }
        return coefficients;
    }

    /**
     * Rearranges and negates coefficients as a rotation or reflection of the input would: the
     * cosine of an odd frequency changes sign when its axis is reversed, and a transposition of the
     * image transposes B. The table is in {@code docs/pdq.md}; frequency r + 1 is odd when r is even.
     */
    private static float[] transform(float[] b, Dihedral variant) {
        float[] out = new float[COEFFICIENTS];
        for (int r = 0; r < DCT_SIDE; r++) {
            for (int c = 0; c < DCT_SIDE; c++) {
                float same = b[r * DCT_SIDE + c];
                float transposed = b[c * DCT_SIDE + r];
                boolean rowOdd = (r & 1) == 1;
                boolean columnOdd = (c & 1) == 1;
                boolean sumOdd = ((r + c) & 1) == 1;
                out[r * DCT_SIDE + c] = switch (variant) {
                    case ORIGINAL -> same;
                    case ROTATE_90 -> rowOdd ? transposed : -transposed;
                    case ROTATE_180 -> sumOdd ? -same : same;
                    case ROTATE_270 -> columnOdd ? transposed : -transposed;
                    case FLIP_X -> rowOdd ? same : -same;
                    case FLIP_Y -> columnOdd ? same : -same;
                    case FLIP_PLUS_1 -> transposed;
                    case FLIP_MINUS_1 -> sumOdd ? -transposed : transposed;
                };
            }
        }
        return out;
    }

    /** One bit per coefficient: set when it exceeds the lower median (the 128th smallest). */
    private static PdqHash threshold(float[] coefficients) {
        float[] sorted = coefficients.clone();
        Arrays.sort(sorted);
        float median = sorted[COEFFICIENTS / 2 - 1];
        long[] words = new long[4];
        for (int k = 0; k < COEFFICIENTS; k++) {
            if (coefficients[k] > median) {
                words[k >>> 6] |= 1L << (k & 63);
            }
        }
        return PdqHash.fromBitWords(words);
    }

    private static float[] dctBasis() {
        float scale = (float) Math.sqrt(2.0 / SIDE);
        float[] basis = new float[DCT_SIDE * SIDE];
        for (int i = 0; i < DCT_SIDE; i++) {
            for (int j = 0; j < SIDE; j++) {
                // Product and cosine in double, rounded once to float, as the reference does.
                basis[i * SIDE + j] = (float) (scale * StrictMath.cos((Math.PI / 2 / SIDE) * (i + 1) * (2 * j + 1)));
            }
        }
        return basis;
    }
}
