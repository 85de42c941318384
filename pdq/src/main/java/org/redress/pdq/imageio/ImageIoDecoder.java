package org.redress.pdq.imageio;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.redress.pdq.GreyPixels;
import org.redress.pdq.Pixels;
import org.redress.pdq.RgbPixels;

/**
 * Decodes image files into {@link Pixels} the way PDQ's reference file tool does, within limits.
 *
 * <p>What the reference does, and so what this does: the first image (first frame of a GIF) is
 * decoded to 8-bit samples; grey images keep their raw grey values (never converted through a
 * colour space, which would move them); alpha is dropped, not composited; no EXIF rotation and no
 * ICC colour management are applied; and an image larger than 512 pixels on either side is
 * squashed to exactly 512 x 512 by nearest-neighbour sampling, source row
 * {@code floor(y * H / 512)} and column {@code floor(x * W / 512)}.
 *
 * <p>Hostile input: the byte limit is applied while reading, and the declared dimensions are
 * checked against the pixel limit before any pixel buffer is allocated, so a small file that
 * claims to be 20,000 x 20,000 is refused at once. Every failure, including decoder crashes on
 * malformed data, surfaces as an {@link UndecodableImageException} with a specific reason.
 *
 * <p>Formats: whatever ImageIO readers are installed. The JDK reads JPEG, PNG, GIF, BMP and TIFF;
 * with TwelveMonkeys' plugins on the class path also WebP and CMYK/YCCK JPEG.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ImageIoDecoder {

    /** The reference file tool's pre-step squashes larger images to this side. */
    public static final int REFERENCE_SIDE = 512;

    private static final int MIN_SIDE = 5;

    static {
        registerPlugins();
    }

    private final DecodeLimits limits;

    private ImageIoDecoder(DecodeLimits limits) {
        this.limits = limits;
    }

    /** Returns a decoder that enforces {@code limits}. */
    public static ImageIoDecoder create(DecodeLimits limits) {
        return new ImageIoDecoder(Objects.requireNonNull(limits, "limits"));
    }

    /** Returns the limits this decoder enforces. */
    public DecodeLimits limits() {
        return limits;
    }

    /**
     * Decodes a file.
     *
     * @throws UndecodableImageException when the file breaks a limit or cannot be decoded
     * @throws IOException when the file cannot be read at all
     */
    public Pixels decode(Path file) throws UndecodableImageException, IOException {
        long size = Files.size(file);
        if (size > limits.maxBytes()) {
            throw tooManyBytes(size);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return decode(in);
        }
    }

    /**
     * Decodes a stream, reading at most one byte more than the byte limit. The stream is not
     * closed.
     *
     * @throws UndecodableImageException when the data break a limit or cannot be decoded
     * @throws IOException when the stream fails
     */
    public Pixels decode(InputStream in) throws UndecodableImageException, IOException {
        byte[] bytes = readAtMost(in, limits.maxBytes());
        if (bytes.length == 0) {
            throw new UndecodableImageException(UndecodableImageException.Reason.EMPTY, "the file is empty");
        }
        if (bytes.length > limits.maxBytes()) {
            throw tooManyBytes(bytes.length);
        }
        return decode(bytes);
    }

    private Pixels decode(byte[] bytes) throws UndecodableImageException {
        try (ImageInputStream stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(stream);
            try {
                reader.setInput(stream, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                checkDimensions(width, height);
                checkDecodedSize(width, height, decodedBytesPerPixel(reader));
                var truncated = new AtomicBoolean();
                reader.addIIOReadWarningListener(truncationWatcher(truncated));
                BufferedImage image = reader.read(0);
                if (truncated.get()) {
                    throw truncated();
                }
                checkDimensions(image.getWidth(), image.getHeight());
                return toReferencePixels(image);
            } finally {
                reader.dispose();
            }
        } catch (UndecodableImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Decoders report malformed data through IIOException and, too often, through
            // runtime exceptions from deep inside; both mean the same to a caller.
            throw isTruncation(e) ? truncated() : corrupt();
        }
    }

    private static ImageReader readerFor(ImageInputStream stream) throws UndecodableImageException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
        if (!readers.hasNext()) {
            throw new UndecodableImageException(
                    UndecodableImageException.Reason.UNSUPPORTED_FORMAT,
                    "not an image in a supported format (JPEG, PNG, GIF, BMP, WebP, TIFF)");
        }
        return readers.next();
    }

    /**
     * The bytes one pixel takes once decoded, from the decoder's own description of the raster it
     * will allocate: all bands (alpha too) at their bit depth. Four when the decoder cannot say.
     */
    private static long decodedBytesPerPixel(ImageReader reader) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            type = types.hasNext() ? types.next() : null;
        }
        if (type == null) {
            return 4;
        }
        int bits = 0;
        for (int size : type.getSampleModel(1, 1).getSampleSize()) {
            bits += size;
        }
        return Math.max(1, (bits + 7) / 8);
    }

    private void checkDecodedSize(int width, int height, long bytesPerPixel) throws UndecodableImageException {
        long decoded = (long) width * height * bytesPerPixel;
        if (decoded > limits.maxDecodedBytes()) {
            throw new UndecodableImageException(
                    UndecodableImageException.Reason.TOO_MANY_DECODED_BYTES,
                    "the image would take " + decoded + " bytes once decoded (" + width + " x " + height + " x "
                            + bytesPerPixel + "), more than the limit of " + limits.maxDecodedBytes());
        }
    }

    private void checkDimensions(int width, int height) throws UndecodableImageException {
        if ((long) width * height > limits.maxPixels()) {
            throw new UndecodableImageException(
                    UndecodableImageException.Reason.TOO_MANY_PIXELS,
                    "the image declares " + width + " x " + height + " pixels, more than the limit of "
                            + limits.maxPixels());
        }
        if (width < MIN_SIDE || height < MIN_SIDE) {
            throw new UndecodableImageException(
                    UndecodableImageException.Reason.TOO_SMALL,
                    "the image is " + width + " x " + height + " pixels; at least 5 x 5 is needed");
        }
    }

    private static IIOReadWarningListener truncationWatcher(AtomicBoolean truncated) {
        return (source, warning) -> {
            // libjpeg (inside the JDK's JPEG reader) warns instead of failing when data run out,
            // and fills the rest of the image with grey.
            if (warning != null && warning.toLowerCase(java.util.Locale.ROOT).contains("premature end")) {
                truncated.set(true);
            }
        };
    }

    private static boolean isTruncation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
        }
        return false;
    }

    private static UndecodableImageException truncated() {
        return new UndecodableImageException(
                UndecodableImageException.Reason.TRUNCATED, "the file ends before the image data does (truncated)");
    }

    private static UndecodableImageException corrupt() {
        return new UndecodableImageException(
                UndecodableImageException.Reason.CORRUPT, "the image data are malformed and could not be decoded");
    }

    private UndecodableImageException tooManyBytes(long size) {
        return new UndecodableImageException(
                UndecodableImageException.Reason.TOO_MANY_BYTES,
                "the file has " + (size > limits.maxBytes() ? "more than " + limits.maxBytes() : size)
                        + " bytes, over the limit of " + limits.maxBytes());
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        int cap = (int) Math.min(Integer.MAX_VALUE - 16, limit + 1);
        return in.readNBytes(cap);
    }

    /** Converts to 8-bit pixels with the reference's 512 x 512 nearest-neighbour pre-step. */
    static Pixels toReferencePixels(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        boolean squash = width > REFERENCE_SIDE || height > REFERENCE_SIDE;
        int outWidth = squash ? REFERENCE_SIDE : width;
        int outHeight = squash ? REFERENCE_SIDE : height;
        int[] sourceColumns = new int[outWidth];
        for (int x = 0; x < outWidth; x++) {
            sourceColumns[x] = (int) ((long) x * width / outWidth);
        }
        int[] sourceRows = new int[outHeight];
        for (int y = 0; y < outHeight; y++) {
            sourceRows[y] = (int) ((long) y * height / outHeight);
        }
        if (isGrey(image)) {
            return GreyPixels.copyOf(outWidth, outHeight, greySamples(image, sourceColumns, sourceRows));
        }
        return RgbPixels.copyOf(outWidth, outHeight, rgbSamples(image, sourceColumns, sourceRows));
    }

    private static boolean isGrey(BufferedImage image) {
        var model = image.getColorModel();
        return model instanceof ComponentColorModel
                && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && model.getNumColorComponents() == 1;
    }

    /** Raw grey values from band 0; 16-bit samples are rounded to 8 bits as v / 257. */
    private static byte[] greySamples(BufferedImage image, int[] columns, int[] rows) {
        Raster raster = image.getRaster();
        int bits = image.getColorModel().getComponentSize(0);
        byte[] out = new byte[columns.length * rows.length];
        int[] line = new int[raster.getWidth()];
        for (int y = 0; y < rows.length; y++) {
            raster.getSamples(0, rows[y], line.length, 1, 0, line);
            for (int x = 0; x < columns.length; x++) {
                out[y * columns.length + x] = (byte) to8Bits(line[columns[x]], bits);
            }
        }
        return out;
    }

    private static int to8Bits(int sample, int bits) {
        if (bits == 8) {
            return sample;
        }
        long max = (1L << bits) - 1;
        return (int) ((sample * 255L + max / 2) / max);
    }

    private static int[] rgbSamples(BufferedImage image, int[] columns, int[] rows) {
        int[] out = new int[columns.length * rows.length];
        int width = image.getWidth();
        DataBuffer buffer = image.getRaster().getDataBuffer();
        switch (image.getType()) {
            case BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR -> {
                // Interleaved bytes, blue first after any alpha: read the samples directly.
                byte[] data = ((DataBufferByte) buffer).getData();
                int stride = image.getType() == BufferedImage.TYPE_3BYTE_BGR ? 3 : 4;
                int first = stride - 3;
                for (int y = 0; y < rows.length; y++) {
                    int rowStart = rows[y] * width * stride;
                    for (int x = 0; x < columns.length; x++) {
                        int o = rowStart + columns[x] * stride + first;
                        out[y * columns.length + x] =
                                (data[o + 2] & 0xFF) << 16 | (data[o + 1] & 0xFF) << 8 | (data[o] & 0xFF);
                    }
                }
            }
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
                int[] data = ((DataBufferInt) buffer).getData();
                for (int y = 0; y < rows.length; y++) {
                    int rowStart = rows[y] * width;
                    for (int x = 0; x < columns.length; x++) {
                        out[y * columns.length + x] = data[rowStart + columns[x]] & 0xFFFFFF;
                    }
                }
            }
            default -> {
                // Palettes, 16-bit and other layouts: let the colour model produce sRGB, a row at
                // a time and only for the rows the pre-step keeps.
                int[] line = new int[width];
                for (int y = 0; y < rows.length; y++) {
                    image.getRGB(0, rows[y], width, 1, line, 0, width);
                    for (int x = 0; x < columns.length; x++) {
                        out[y * columns.length + x] = line[columns[x]] & 0xFFFFFF;
                    }
                }
            }
        }
        return out;
    }

    /**
     * Makes ImageIO see plugins on this library's class loader. ImageIO's registry scans the
     * context class loader of whichever thread touches it first, which in an executable jar or a
     * thread pool may not see the nested plugin jars.
     */
    private static void registerPlugins() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            thread.setContextClassLoader(ImageIoDecoder.class.getClassLoader());
            ImageIO.scanForPlugins();
            ImageIO.setUseCache(false);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
