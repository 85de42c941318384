package org.redress.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The optimised blur (rows in bands, columns side by side, second pass only where sampled) must
 * give bit-for-bit the floats of the plain one-vector-at-a-time filter that {@code docs/pdq.md}
 * describes, on every shape: odd sizes, band remainders, tiny and wide windows.
 */
class JaroszBlurTests {

    @Test
    void agreesBitForBitWithThePlainFilterOnManyShapes() {
        var random = new Random(64);
        int[][] shapes = {
            {5, 5},
            {5, 1000},
            {1000, 5},
            {63, 65},
            {64, 64},
            {127, 129},
            {128, 128},
            {255, 257},
            {383, 511},
            {512, 512},
            {7, 300},
            {1, 1},
            {2, 9}
        };
        for (int[] shape : shapes) {
            assertAgrees(shape[0], shape[1], random);
        }
        for (int i = 0; i < 40; i++) {
            assertAgrees(5 + random.nextInt(700), 5 + random.nextInt(700), random);
        }
    }

    private static void assertAgrees(int width, int height, Random random) {
        float[] image = new float[width * height];
        for (int i = 0; i < image.length; i++) {
            image[i] = random.nextInt(256) * 0.587f + random.nextInt(3) * 0.299f;
        }
        float[] expected = plainBlurAndDecimate(image.clone(), width, height);

        float[] actual = JaroszBlur.blurAndDecimate(image.clone(), width, height);

        for (int k = 0; k < expected.length; k++) {
            assertThat(Float.floatToIntBits(actual[k]))
                    .as("cell %d of %d x %d", k, width, height)
                    .isEqualTo(Float.floatToIntBits(expected[k]));
        }
    }

    /** Step 4 and 5 of docs/pdq.md, written as plainly as possible. */
    private static float[] plainBlurAndDecimate(float[] image, int width, int height) {
        int alongRows = (width + 127) / 128;
        int alongColumns = (height + 127) / 128;
        float[] temp = new float[image.length];
        for (int pass = 0; pass < 2; pass++) {
            for (int y = 0; y < height; y++) {
                plainBox(image, temp, y * width, 1, width, alongRows);
            }
            for (int x = 0; x < width; x++) {
                plainBox(temp, image, x, width, height, alongColumns);
            }
        }
        float[] cells = new float[64 * 64];
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 64; j++) {
                cells[i * 64 + j] = image[((int) ((i + 0.5) * height / 64)) * width + (int) ((j + 0.5) * width / 64)];
            }
        }
        return cells;
    }

    private static void plainBox(float[] in, float[] out, int start, int stride, int n, int window) {
        int half = (window + 2) / 2;
        float sum = 0;
        int count = 0;
        int right = 0;
        int left = 0;
        int target = 0;
        for (int i = 0; i < half - 1; i++) {
            sum += in[start + stride * right++];
            count++;
        }
        for (int i = 0; i < window - half + 1; i++) {
            sum += in[start + stride * right++];
            count++;
            out[start + stride * target++] = sum / count;
        }
        for (int i = 0; i < n - window; i++) {
            sum += in[start + stride * right++];
            sum -= in[start + stride * left++];
            out[start + stride * target++] = sum / count;
        }
        for (int i = 0; i < half - 1; i++) {
            sum -= in[start + stride * left++];
            count--;
            out[start + stride * target++] = sum / count;
        }
    }
}
