package org.redress.pdq;

import java.util.Random;

/** Synthetic test images: smooth gradients with texture, never real photographs of people. */
final class Images {

    private Images() {}

    /** A colourful image with structure at several scales, reproducible from its seed. */
    static RgbPixels textured(int width, int height, long seed) {
        var random = new Random(seed);
        double fx = 1 + random.nextInt(5);
        double fy = 1 + random.nextInt(5);
        double phase = random.nextDouble() * Math.PI;
        int[] rgb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = (double) x / width;
                double v = (double) y / height;
                int r = clamp(128 + 100 * Math.sin(2 * Math.PI * fx * u + phase) * Math.cos(3 * v));
                int g = clamp(255 * u * v + 40 * Math.sin(17 * u + 11 * v));
                int b = clamp(128 + 120 * Math.cos(2 * Math.PI * fy * v - phase));
                rgb[y * width + x] = r << 16 | g << 8 | b;
            }
        }
        return RgbPixels.copyOf(width, height, rgb);
    }

    /** Rotates the pixels 90 degrees clockwise. */
    static RgbPixels rotateClockwise(RgbPixels in) {
        int w = in.width();
        int h = in.height();
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[x * h + (h - 1 - y)] = in.rgbAt(x, y);
            }
        }
        return RgbPixels.copyOf(h, w, out);
    }

    /** Mirrors the pixels left to right. */
    static RgbPixels mirrorLeftRight(RgbPixels in) {
        int w = in.width();
        int h = in.height();
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + (w - 1 - x)] = in.rgbAt(x, y);
            }
        }
        return RgbPixels.copyOf(w, h, out);
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
