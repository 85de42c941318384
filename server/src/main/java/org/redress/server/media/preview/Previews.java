package org.redress.server.media.preview;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.redress.pdq.GreyPixels;
import org.redress.pdq.Pixels;
import org.redress.pdq.RgbPixels;
import org.redress.pdq.imageio.DecodeLimits;
import org.redress.pdq.imageio.ImageIoDecoder;
import org.redress.pdq.imageio.UndecodableImageException;

/**
 * Makes the preview a moderator sees before choosing to reveal an image: greyscale, at most
 * {@link #MAX_SIDE} pixels on its longer side, and blurred hard enough that only the rough layout
 * of light and dark survives. The image is averaged down to a grid of at most {@link #GRID} cells
 * on its longer side and smoothly interpolated back up, which removes every detail finer than a
 * sixteenth of the picture. Decoding goes through pdq's {@link ImageIoDecoder} with its limits, so
 * a hostile file is refused before it costs memory. Thread-safe.
 */
public final class Previews {

    /** The longest side of a preview. */
    static final int MAX_SIDE = 320;

    /** Cells on the longer side of the averaging grid: the preview shows nothing finer. */
    static final int GRID = 16;

    /** Decoding an image of this many pixels takes about 200 MB, as for upload checks. */
    static final long MAX_PIXELS = 50_000_000L;

    private final ImageIoDecoder decoder;

    public Previews(long maxBytes) {
        this.decoder = ImageIoDecoder.create(new DecodeLimits(maxBytes, MAX_PIXELS));
    }

    /**
     * A PNG preview of the image.
     *
     * @throws UndecodableImageException when the image breaks a limit or cannot be decoded
     */
    public byte[] render(byte[] image) throws UndecodableImageException {
        Pixels pixels;
        try {
            pixels = decoder.decode(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory failed", e);
        }
        return png(blurredGrey(pixels));
    }

    static BufferedImage blurredGrey(Pixels pixels) {
        int width = pixels.width();
        int height = pixels.height();
        int longer = Math.max(width, height);
        float[] grid = averageIntoGrid(pixels, gridSide(width, longer), gridSide(height, longer));
        int gridWidth = gridSide(width, longer);
        int gridHeight = gridSide(height, longer);
        double scale = Math.min(1.0, (double) MAX_SIDE / longer);
        int outWidth = Math.max(1, (int) Math.round(width * scale));
        int outHeight = Math.max(1, (int) Math.round(height * scale));
        var out = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_BYTE_GRAY);
        var raster = out.getRaster();
        for (int y = 0; y < outHeight; y++) {
            // Sample the grid at cell centres, clamped at the edges, bilinearly.
            double gy = Math.clamp((y + 0.5) * gridHeight / outHeight - 0.5, 0, gridHeight - 1);
            int y0 = (int) gy;
            int y1 = Math.min(y0 + 1, gridHeight - 1);
            double fy = gy - y0;
            for (int x = 0; x < outWidth; x++) {
                double gx = Math.clamp((x + 0.5) * gridWidth / outWidth - 0.5, 0, gridWidth - 1);
                int x0 = (int) gx;
                int x1 = Math.min(x0 + 1, gridWidth - 1);
                double fx = gx - x0;
                double top = grid[y0 * gridWidth + x0] * (1 - fx) + grid[y0 * gridWidth + x1] * fx;
                double bottom = grid[y1 * gridWidth + x0] * (1 - fx) + grid[y1 * gridWidth + x1] * fx;
                raster.setSample(x, y, 0, (int) Math.round(Math.clamp(top * (1 - fy) + bottom * fy, 0, 255)));
            }
        }
        return out;
    }

    private static int gridSide(int side, int longer) {
        return Math.max(1, (int) Math.round((double) GRID * side / longer));
    }

    /** The mean luma of each cell; cell edges fall at {@code i * side / cells}. */
    private static float[] averageIntoGrid(Pixels pixels, int gridWidth, int gridHeight) {
        int width = pixels.width();
        int height = pixels.height();
        double[] sums = new double[gridWidth * gridHeight];
        int[] counts = new int[gridWidth * gridHeight];
        for (int y = 0; y < height; y++) {
            int cy = (int) ((long) y * gridHeight / height);
            for (int x = 0; x < width; x++) {
                int cell = cy * gridWidth + (int) ((long) x * gridWidth / width);
                sums[cell] += luma(pixels, x, y);
                counts[cell]++;
            }
        }
        float[] grid = new float[sums.length];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = counts[i] == 0 ? 0 : (float) (sums[i] / counts[i]);
        }
        return grid;
    }

    private static double luma(Pixels pixels, int x, int y) {
        return switch (pixels) {
            case GreyPixels grey -> grey.greyAt(x, y);
            case RgbPixels rgb -> {
                int packed = rgb.rgbAt(x, y);
                yield 0.299 * (packed >> 16 & 0xFF) + 0.587 * (packed >> 8 & 0xFF) + 0.114 * (packed & 0xFF);
            }
        };
    }

    private static byte[] png(BufferedImage image) {
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer installed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toByteArray();
    }
}
