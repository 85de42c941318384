package org.redress.pdq.imageio;

/**
 * Caps applied before a decoder allocates anything in proportion to what a file claims about
 * itself: the file's size in bytes, its declared width times height, and the memory its decoded
 * raster takes (width x height x bytes per pixel, bit depth and alpha included: a 16-bit RGBA
 * pixel is 8 bytes, so pixels alone understate a small, highly compressed file's cost fourfold).
 *
 * @param maxBytes largest accepted file, at least 1
 * @param maxPixels largest accepted width x height, at least 25 (5 x 5, the smallest hashable image)
 * @param maxDecodedBytes largest accepted decoded raster in bytes, at least 25
 */
public record DecodeLimits(long maxBytes, long maxPixels, long maxDecodedBytes) {

    /** 64 MiB: larger than any photograph a platform accepts for upload. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    /** 100 megapixels: a 10,000 x 10,000 image; decoding it as RGB takes about 400 MB. */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    /** 400 MB: an RGB raster of the default 100 megapixels. */
    public static final long DEFAULT_MAX_DECODED_BYTES = 400_000_000L;

    /** Limits whose decoded budget is four bytes (8-bit RGBA) per allowed pixel. */
    public DecodeLimits(long maxBytes, long maxPixels) {
        this(maxBytes, maxPixels, Math.multiplyExact(maxPixels, 4L));
    }

    /** @throws IllegalArgumentException when a limit is below its minimum */
    public DecodeLimits {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1: " + maxBytes);
        }
        if (maxPixels < 25) {
            throw new IllegalArgumentException("maxPixels must be at least 25: " + maxPixels);
        }
        if (maxDecodedBytes < 25) {
            throw new IllegalArgumentException("maxDecodedBytes must be at least 25: " + maxDecodedBytes);
        }
    }

    /** Returns the default limits: 64 MiB, 100 megapixels and a 400 MB decoded raster. */
    public static DecodeLimits defaults() {
        return new DecodeLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, DEFAULT_MAX_DECODED_BYTES);
    }
}
