package org.redress.pdq.imageio;

/**
 * Caps applied before a decoder allocates anything in proportion to what a file claims about
 * itself: the file's size in bytes, and its declared width times height.
 *
 * @param maxBytes largest accepted file, at least 1
 * @param maxPixels largest accepted width x height, at least 25 (5 x 5, the smallest hashable image)
 */
public record DecodeLimits(long maxBytes, long maxPixels) {

    /** 64 MiB: larger than any photograph a platform accepts for upload. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    /** 100 megapixels: a 10,000 x 10,000 image; decoding it as RGB takes about 400 MB. */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    /** @throws IllegalArgumentException when a limit is below its minimum */
    public DecodeLimits {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1: " + maxBytes);
        }
        if (maxPixels < 25) {
            throw new IllegalArgumentException("maxPixels must be at least 25: " + maxPixels);
        }
    }

    /** Returns the default limits: 64 MiB and 100 megapixels. */
    public static DecodeLimits defaults() {
        return new DecodeLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS);
    }
}
