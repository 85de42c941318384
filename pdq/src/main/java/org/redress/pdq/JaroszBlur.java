package org.redress.pdq;

/**
 * The blur PDQ applies before decimating to 64 x 64: a Jarosz filter, that is two passes of a box
 * filter along rows and then along columns, which approximates a tent (and so a Gaussian) blur.
 *
 * <p>The order of every float addition and subtraction follows {@code docs/pdq.md} step 4, because
 * a coefficient near the median flips its bit on a rounding difference. The column pass sweeps
 * row by row with one running sum per column: each column still sees exactly the sequence of
 * operations of the one-dimensional filter, but memory is read in order.
 */
final class JaroszBlur {

    /** Passes of the row-then-column box filter, as in the reference. */
    private static final int PASSES = 2;

    /** The decimated output is 64 x 64, and the window is sized so that two passes cover a cell. */
    private static final int OUTPUT_SIDE = 64;

    private JaroszBlur() {}

    /**
     * Blurs {@code image} (height x width, row-major) in place; {@code scratch} must be as long.
     */
    static void blur(float[] image, float[] scratch, int width, int height) {
        int alongRows = windowFor(width);
        int alongColumns = windowFor(height);
        for (int pass = 0; pass < PASSES; pass++) {
            for (int y = 0; y < height; y++) {
                boxAlongRow(image, scratch, y * width, width, alongRows);
            }
            boxAlongColumns(scratch, image, width, height, alongColumns);
        }
    }

    /** Window size for a dimension: ceil(dimension / 128), in integers. */
    static int windowFor(int dimension) {
        return (dimension + 2 * OUTPUT_SIDE - 1) / (2 * OUTPUT_SIDE);
    }

    private static void boxAlongRow(float[] in, float[] out, int offset, int length, int window) {
        int half = (window + 2) / 2;
        int right = offset;
        int left = offset;
        int target = offset;
        int end = offset + length;
        float sum = 0.0f;
        int count = 0;
        // Grow the window over its first half without output.
        for (int i = 0; i < half - 1; i++) {
            sum += in[right++];
            count++;
        }
        // Keep growing, now emitting, until the window is full.
        for (int i = 0; i < window - half + 1; i++) {
            sum += in[right++];
            count++;
            out[target++] = sum / count;
        }
        // Slide the full window.
        while (right < end) {
            sum += in[right++];
            sum -= in[left++];
            out[target++] = sum / count;
        }
        // Shrink the window over the tail.
        for (int i = 0; i < half - 1; i++) {
            sum -= in[left++];
            count--;
            out[target++] = sum / count;
        }
    }

    private static void boxAlongColumns(float[] in, float[] out, int width, int height, int window) {
        int half = (window + 2) / 2;
        float[] sums = new float[width];
        int right = 0;
        int left = 0;
        int target = 0;
        int count = 0;
        for (int i = 0; i < half - 1; i++) {
            addRow(sums, in, right++ * width);
            count++;
        }
        for (int i = 0; i < window - half + 1; i++) {
            addRow(sums, in, right++ * width);
            count++;
            emitRow(sums, out, target++ * width, count);
        }
        while (right < height) {
            int entering = right++ * width;
            int leaving = left++ * width;
            for (int x = 0; x < width; x++) {
                float s = sums[x] + in[entering + x];
                sums[x] = s - in[leaving + x];
            }
            emitRow(sums, out, target++ * width, count);
        }
        for (int i = 0; i < half - 1; i++) {
            int leaving = left++ * width;
            for (int x = 0; x < width; x++) {
                sums[x] -= in[leaving + x];
            }
            count--;
            emitRow(sums, out, target++ * width, count);
        }
    }

    private static void addRow(float[] sums, float[] in, int rowStart) {
        for (int x = 0; x < sums.length; x++) {
            sums[x] += in[rowStart + x];
        }
    }

    private static void emitRow(float[] sums, float[] out, int rowStart, int count) {
        for (int x = 0; x < sums.length; x++) {
            out[rowStart + x] = sums[x] / count;
        }
    }
}
