package org.redress.pdq;

import java.util.Objects;

/**
 * An immutable block of 8-bit grey pixels, row-major. PDQ uses each grey value as the luma.
 *
 * <p>A final class rather than a record, for the reasons given on {@link RgbPixels}.
 */
public final class GreyPixels implements Pixels {

    private final int width;
    private final int height;
    private final byte[] grey;

    private GreyPixels(int width, int height, byte[] grey) {
        this.width = width;
        this.height = height;
        this.grey = grey;
    }

    /**
     * Copies {@code width * height} grey values, one unsigned byte each.
     *
     * @throws IllegalArgumentException when a dimension is not positive or the array length is not
     *     {@code width * height}
     */
    public static GreyPixels copyOf(int width, int height, byte[] grey) {
        Objects.requireNonNull(grey, "grey");
        RgbPixels.checkShape(width, height, grey.length);
        return new GreyPixels(width, height, grey.clone());
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    /** Returns the grey value at column {@code x}, row {@code y}, 0..255. */
    public int greyAt(int x, int y) {
        Objects.checkIndex(x, width);
        Objects.checkIndex(y, height);
        return grey[y * width + x] & 0xFF;
    }

    byte[] values() {
        return grey;
    }

    @Override
    public String toString() {
        return "GreyPixels[" + width + " x " + height + "]";
    }
}
