package org.redress.pdq;

/**
 * The blur PDQ applies before decimating to 64 x 64: a Jarosz filter, that is two passes of a box
 * filter along rows and then along columns, which approximates a tent (and so a Gaussian) blur.
 *
 * <p>The order of every float addition and subtraction follows {@code docs/pdq.md} step 4, because
 * a coefficient near the median flips its bit on a rounding difference. The column pass sweeps
 * row by row with one running sum per column: each column still sees exactly the sequence of
 * operations of the one-dimensional filter, but memory is read in order. The row pass filters four
 * rows side by side for the same reason: four independent running sums keep the processor busy
 * where one sum would wait for each addition to finish before the next.
 */
final class JaroszBlur {

    /** The decimated output is 64 x 64, and the window is sized so that two passes cover a cell. */
    private static final int OUTPUT_SIDE = 64;

    /** Rows filtered side by side by {@link #boxAlongFourRows}. */
    private static final int ROWS_PER_BAND = 4;

    private JaroszBlur() {}

    /**
     * Blurs {@code image} (height x width, row-major, overwritten) and samples it at the centres
     * of a 64 x 64 grid: cell (i, j) is the blurred value at row {@code floor((i + 0.5) * H / 64)}
     * and column {@code floor((j + 0.5) * W / 64)}, computed in double precision.
     *
     * <p>The second pass computes only what the sampling keeps: its row filters still run over
     * every element (a running sum must), but store only the 64 sampled columns, and its column
     * filters run on those 64 columns alone. The kept values are the same floats as a full blur's.
     */
    static float[] blurAndDecimate(float[] image, int width, int height) {
        int alongRows = windowFor(width);
        int alongColumns = windowFor(height);
        float[] scratch = new float[image.length];
        float[] band = new float[ROWS_PER_BAND * width];
        for (int y = 0; y < height; y += ROWS_PER_BAND) {
            int rows = Math.min(ROWS_PER_BAND, height - y);
            boxAlongRows(image, y * width, scratch, y * width, rows, width, alongRows);
        }
        boxAlongColumns(scratch, image, width, height, alongColumns);

        int[] keptColumns = samplePositions(width);
        float[] narrow = new float[height * OUTPUT_SIDE];
        for (int y = 0; y < height; y += ROWS_PER_BAND) {
            int rows = Math.min(ROWS_PER_BAND, height - y);
            boxAlongRows(image, y * width, band, 0, rows, width, alongRows);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < OUTPUT_SIDE; j++) {
                    narrow[(y + r) * OUTPUT_SIDE + j] = band[r * width + keptColumns[j]];
                }
            }
        }
        float[] blurredNarrow = new float[narrow.length];
        boxAlongColumns(narrow, blurredNarrow, OUTPUT_SIDE, height, alongColumns);

        int[] keptRows = samplePositions(height);
        float[] cells = new float[OUTPUT_SIDE * OUTPUT_SIDE];
        for (int i = 0; i < OUTPUT_SIDE; i++) {
            System.arraycopy(blurredNarrow, keptRows[i] * OUTPUT_SIDE, cells, i * OUTPUT_SIDE, OUTPUT_SIDE);
        }
        return cells;
    }

    /** The 64 sample positions along a dimension: floor((k + 0.5) * n / 64) in double maths. */
    private static int[] samplePositions(int n) {
        int[] positions = new int[OUTPUT_SIDE];
        for (int k = 0; k < OUTPUT_SIDE; k++) {
            positions[k] = (int) ((k + 0.5) * n / OUTPUT_SIDE);
        }
        return positions;
    }

    /** Filters {@code rows} (at most four) consecutive rows, four at a time where it can. */
    private static void boxAlongRows(
            float[] in, int inOffset, float[] out, int outOffset, int rows, int length, int window) {
        if (rows == ROWS_PER_BAND) {
            boxAlongFourRows(in, inOffset, out, outOffset, length, window);
            return;
        }
        for (int r = 0; r < rows; r++) {
            boxAlongRow(in, inOffset + r * length, out, outOffset + r * length, length, window);
        }
    }

    /** Window size for a dimension: ceil(dimension / 128), in integers. */
    static int windowFor(int dimension) {
        return (dimension + 2 * OUTPUT_SIDE - 1) / (2 * OUTPUT_SIDE);
    }

    private static void boxAlongRow(float[] in, int inOffset, float[] out, int outOffset, int length, int window) {
        int half = (window + 2) / 2;
        int right = inOffset;
        int left = inOffset;
        int target = outOffset;
        int end = inOffset + length;
        float sum = 0.0f;
        // Grow the window over its first half without output.
        for (int i = 0; i < half - 1; i++) {
            sum += in[right++];
        }
        // Keep growing, now emitting, until the window is full.
        for (int i = 0; i < window - half + 1; i++) {
            sum += in[right++];
            out[target++] = sum;
        }
        // Slide the full window.
        while (right < end) {
            sum += in[right++];
            sum -= in[left++];
            out[target++] = sum;
        }
        // Shrink the window over the tail.
        for (int i = 0; i < half - 1; i++) {
            sum -= in[left++];
            out[target++] = sum;
        }
        divideByCounts(out, outOffset, length, window);
    }

    /**
     * Turns the running sums that the row filters store into means. Dividing in a separate loop
     * gives the same floats (each sum over its element count) but lets the long middle stretch,
     * where the count is the full window, run as vector divisions.
     */
    private static void divideByCounts(float[] out, int offset, int length, int window) {
        int half = (window + 2) / 2;
        int t = offset;
        for (int count = half; count <= window; count++) {
            out[t++] /= count;
        }
        int steadyEnd = offset + length - (half - 1);
        for (; t < steadyEnd; t++) {
            out[t] /= window;
        }
        for (int count = window - 1; t < offset + length; count--) {
            out[t++] /= count;
        }
    }

    /** {@link #boxAlongRow} on four consecutive rows at once, each with its own running sum. */
    private static void boxAlongFourRows(float[] in, int inOffset, float[] out, int outOffset, int length, int window) {
        int half = (window + 2) / 2;
        int r0 = inOffset;
        int r1 = inOffset + length;
        int r2 = inOffset + 2 * length;
        int r3 = inOffset + 3 * length;
        int o0 = outOffset;
        int o1 = outOffset + length;
        int o2 = outOffset + 2 * length;
        int o3 = outOffset + 3 * length;
        int right = 0;
        int left = 0;
        int target = 0;
        float s0 = 0.0f;
        float s1 = 0.0f;
        float s2 = 0.0f;
        float s3 = 0.0f;
        for (int i = 0; i < half - 1; i++, right++) {
            s0 += in[r0 + right];
            s1 += in[r1 + right];
            s2 += in[r2 + right];
            s3 += in[r3 + right];
        }
        for (int i = 0; i < window - half + 1; i++, right++, target++) {
            s0 += in[r0 + right];
            s1 += in[r1 + right];
            s2 += in[r2 + right];
            s3 += in[r3 + right];
            out[o0 + target] = s0;
            out[o1 + target] = s1;
            out[o2 + target] = s2;
            out[o3 + target] = s3;
        }
        for (; right < length; right++, left++, target++) {
            s0 += in[r0 + right];
            s1 += in[r1 + right];
            s2 += in[r2 + right];
            s3 += in[r3 + right];
            s0 -= in[r0 + left];
            s1 -= in[r1 + left];
            s2 -= in[r2 + left];
            s3 -= in[r3 + left];
            out[o0 + target] = s0;
            out[o1 + target] = s1;
            out[o2 + target] = s2;
            out[o3 + target] = s3;
        }
        for (int i = 0; i < half - 1; i++, left++, target++) {
            s0 -= in[r0 + left];
            s1 -= in[r1 + left];
            s2 -= in[r2 + left];
            s3 -= in[r3 + left];
            out[o0 + target] = s0;
            out[o1 + target] = s1;
            out[o2 + target] = s2;
            out[o3 + target] = s3;
        }
        for (int row = o0; row <= o3; row += length) {
            divideByCounts(out, row, length, window);
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
