package org.redress.pdq;

import java.util.Optional;

/**
 * Other framings of the same picture: a region of it, its centre, and the picture without the
 * uniform borders that a re-upload often gains (a frame, a screenshot's letterbox). PDQ sees the
 * whole frame, so a border or a crop moves the hash far from the original's; hashing a reframed
 * copy as well brings such copies back within the match distance (docs/adr/0026 has the figures).
 */
public final class Reframing {

    /** A row or column is border while every pixel is this close to the border's colour (luma, 0-255). */
    private static final int BORDER_TOLERANCE = 16;

    /** At most this share of each side is taken as border: beyond it, the picture itself is flat. */
    private static final double MAX_BORDER_SHARE = 0.3;

    private Reframing() {}

    /** The rectangle of {@code pixels} from ({@code x}, {@code y}), {@code width} by {@code height}. */
    public static Pixels region(Pixels pixels, int x, int y, int width, int height) {
        if (x < 0 || y < 0 || width < 1 || height < 1 || x + width > pixels.width() || y + height > pixels.height()) {
            throw new IllegalArgumentException("the region " + width + " x " + height + " at (" + x + ", " + y
                    + ") is not inside " + pixels.width() + " x " + pixels.height());
        }
        return switch (pixels) {
            case RgbPixels rgb -> {
                int[] out = new int[width * height];
                for (int row = 0; row < height; row++) {
                    for (int column = 0; column < width; column++) {
                        out[row * width + column] = rgb.rgbAt(x + column, y + row);
                    }
                }
                yield RgbPixels.copyOf(width, height, out);
            }
            case GreyPixels grey -> {
                byte[] out = new byte[width * height];
                for (int row = 0; row < height; row++) {
                    for (int column = 0; column < width; column++) {
                        out[row * width + column] = (byte) grey.greyAt(x + column, y + row);
                    }
                }
                yield GreyPixels.copyOf(width, height, out);
            }
        };
    }

    /**
     * The picture turned or mirrored as {@code variant} names it, pixel for pixel. Hashing the
     * turned pixels gives the exact hash of a turned copy; the variants {@link PdqHasher} derives
     * from one transform are cheaper but differ from it by up to a few dozen bits on a small
     * picture (the box filter is not symmetric), enough to miss a mirrored copy.
     */
    public static Pixels transformed(Pixels pixels, Dihedral variant) {
        int w = pixels.width();
        int h = pixels.height();
        boolean swaps = switch (variant) {
            case ROTATE_90, ROTATE_270, FLIP_PLUS_1, FLIP_MINUS_1 -> true;
            case ORIGINAL, ROTATE_180, FLIP_X, FLIP_Y -> false;
        };
        int outWidth = swaps ? h : w;
        int outHeight = swaps ? w : h;
        int[] source = new int[outWidth * outHeight];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int to = switch (variant) {
                    case ORIGINAL -> y * outWidth + x;
                    case ROTATE_90 -> (w - 1 - x) * outWidth + y;
                    case ROTATE_180 -> (h - 1 - y) * outWidth + (w - 1 - x);
                    case ROTATE_270 -> x * outWidth + (h - 1 - y);
                    case FLIP_X -> (h - 1 - y) * outWidth + x;
                    case FLIP_Y -> y * outWidth + (w - 1 - x);
                    case FLIP_PLUS_1 -> x * outWidth + y;
                    case FLIP_MINUS_1 -> (w - 1 - x) * outWidth + (h - 1 - y);
                };
                source[to] = y * w + x;
            }
        }
        return switch (pixels) {
            case RgbPixels rgb -> {
                int[] out = new int[source.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = rgb.rgbAt(source[i] % w, source[i] / w);
                }
                yield RgbPixels.copyOf(outWidth, outHeight, out);
            }
            case GreyPixels grey -> {
                byte[] out = new byte[source.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (byte) grey.greyAt(source[i] % w, source[i] / w);
                }
                yield GreyPixels.copyOf(outWidth, outHeight, out);
            }
        };
    }

    /**
     * The picture turned by a small angle about its centre (anticlockwise for a positive angle) on a
     * canvas of the same size, the corners it uncovers black, as a re-upload that was straightened
     * or tilted looks. Nearest-neighbour sampling: PDQ's own filter smooths far more than it costs.
     */
    public static Pixels tilted(Pixels pixels, double degrees) {
        int w = pixels.width();
        int h = pixels.height();
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        int[] rgbOut = pixels instanceof RgbPixels ? new int[w * h] : new int[0];
        byte[] greyOut = pixels instanceof GreyPixels ? new byte[w * h] : new byte[0];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // Where this output pixel comes from: the inverse turn of its position.
                long sx = Math.round(cx + (x - cx) * cos - (y - cy) * sin);
                long sy = Math.round(cy + (x - cx) * sin + (y - cy) * cos);
                if (sx < 0 || sy < 0 || sx >= w || sy >= h) {
                    continue; // stays black
                }
                switch (pixels) {
                    case RgbPixels rgb -> rgbOut[y * w + x] = rgb.rgbAt((int) sx, (int) sy);
                    case GreyPixels grey -> greyOut[y * w + x] = (byte) grey.greyAt((int) sx, (int) sy);
                }
            }
        }
        return pixels instanceof RgbPixels ? RgbPixels.copyOf(w, h, rgbOut) : GreyPixels.copyOf(w, h, greyOut);
    }

    /** The centre of the picture keeping {@code share} of each side (0.9: a tenth of each side cut). */
    public static Pixels centre(Pixels pixels, double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("the share kept is more than 0 and at most 1, not " + share);
        }
        int width = Math.max(1, (int) Math.round(pixels.width() * share));
        int height = Math.max(1, (int) Math.round(pixels.height() * share));
        return region(pixels, (pixels.width() - width) / 2, (pixels.height() - height) / 2, width, height);
    }

    /**
     * The picture without its uniform borders, when it has any: rows and columns from each edge
     * inwards whose pixels all lie within a small tolerance of that edge's colour. Empty when no side
     * has a border of at least two pixels, when a side is flat for 30% of the picture or more (that
     * is the picture, not a frame), or when what is left would be too small to hash.
     */
    public static Optional<Pixels> withoutUniformBorders(Pixels pixels) {
        int width = pixels.width();
        int height = pixels.height();
        int[] luma = luma(pixels);
        int maxRows = (int) (height * MAX_BORDER_SHARE);
        int maxColumns = (int) (width * MAX_BORDER_SHARE);
        int top = borderLines(luma, width, height, maxRows, Edge.TOP);
        int bottom = borderLines(luma, width, height, maxRows, Edge.BOTTOM);
        int left = borderLines(luma, width, height, maxColumns, Edge.LEFT);
        int right = borderLines(luma, width, height, maxColumns, Edge.RIGHT);
        if (Math.max(Math.max(top, bottom), Math.max(left, right)) < 2
                || top == maxRows
                || bottom == maxRows
                || left == maxColumns
                || right == maxColumns) {
            // No border, or a side flat beyond any frame: the picture itself is flat there.
            return Optional.empty();
        }
        int keptWidth = width - left - right;
        int keptHeight = height - top - bottom;
        if (keptWidth < PdqHasher.MIN_HASHABLE_SIDE || keptHeight < PdqHasher.MIN_HASHABLE_SIDE) {
            return Optional.empty();
        }
        return Optional.of(region(pixels, left, top, keptWidth, keptHeight));
    }

    private enum Edge {
        TOP,
        BOTTOM,
        LEFT,
        RIGHT
    }

    /** How many lines from {@code edge} inwards are uniform in the colour of the edge's first line. */
    private static int borderLines(int[] luma, int width, int height, int max, Edge edge) {
        boolean rows = edge == Edge.TOP || edge == Edge.BOTTOM;
        int length = rows ? width : height;
        int reference = lineMean(luma, width, height, edge, 0, length);
        int lines = 0;
        while (lines < max && isUniform(luma, width, height, edge, lines, length, reference)) {
            lines++;
        }
        return lines;
    }

    private static int lineMean(int[] luma, int width, int height, Edge edge, int line, int length) {
        long sum = 0;
        for (int i = 0; i < length; i++) {
            sum += luma[index(width, height, edge, line, i)];
        }
        return (int) (sum / length);
    }

    private static boolean isUniform(
            int[] luma, int width, int height, Edge edge, int line, int length, int reference) {
        for (int i = 0; i < length; i++) {
            if (Math.abs(luma[index(width, height, edge, line, i)] - reference) > BORDER_TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    /** The index of the {@code i}th pixel of the {@code line}th line counted from {@code edge}. */
    private static int index(int width, int height, Edge edge, int line, int i) {
        return switch (edge) {
            case TOP -> line * width + i;
            case BOTTOM -> (height - 1 - line) * width + i;
            case LEFT -> i * width + line;
            case RIGHT -> i * width + (width - 1 - line);
        };
    }

    /** Rec. 601 luma per pixel, as PDQ weighs colour. */
    private static int[] luma(Pixels pixels) {
        int width = pixels.width();
        int height = pixels.height();
        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[y * width + x] = switch (pixels) {
                    case GreyPixels grey -> grey.greyAt(x, y);
                    case RgbPixels rgb -> {
                        int packed = rgb.rgbAt(x, y);
                        yield (299 * (packed >> 16 & 0xFF) + 587 * (packed >> 8 & 0xFF) + 114 * (packed & 0xFF)) / 1000;
                    }
                };
            }
        }
        return out;
    }
}
