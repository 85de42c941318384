package org.redress.pdq;

import java.util.Objects;

/**
 * An immutable block of 8-bit RGB pixels, row-major. Any alpha channel has already been dropped.
 *
 * <p>A final class rather than a record: a record over an array would compare by identity and
 * hand out its mutable array.
 */
public final class RgbPixels implements Pixels {

    private final int width;
    private final int height;
    private final int[] rgb;

    private RgbPixels(int width, int height, int[] rgb) {
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    /**
     * Copies {@code width * height} pixels packed as {@code 0x??RRGGBB} ints (the top byte, alpha
     * or anything else, is ignored).
     *
     * @throws IllegalArgumentException when a dimension is not positive or the array length is not
     *     {@code width * height}
     */
    public static RgbPixels copyOf(int width, int height, int[] packedRgb) {
        Objects.requireNonNull(packedRgb, "packedRgb");
        checkShape(width, height, packedRgb.length);
        return new RgbPixels(width, height, packedRgb.clone());
    }

    static void checkShape(int width, int height, int length) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image dimensions must be positive: " + width + " x " + height);
        }
        if ((long) width * height != length) {
            throw new IllegalArgumentException("expected " + ((long) width * height) + " pixels for " + width + " x "
                    + height + ", got " + length);
        }
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    /** Returns the pixel at column {@code x}, row {@code y} as {@code 0x00RRGGBB}. */
    public int rgbAt(int x, int y) {
        Objects.checkIndex(x, width);
        Objects.checkIndex(y, height);
        return rgb[y * width + x] & 0xFFFFFF;
    }

    int[] packed() {
        return rgb;
    }

    @Override
    public String toString() {
        return "RgbPixels[" + width + " x " + height + "]";
    }
}
