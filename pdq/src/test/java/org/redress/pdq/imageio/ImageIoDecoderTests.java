package org.redress.pdq.imageio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redress.pdq.GreyPixels;
import org.redress.pdq.Pixels;
import org.redress.pdq.RgbPixels;
import org.redress.pdq.imageio.UndecodableImageException.Reason;

/** Formats, the reference pre-step, and hostile input. */
class ImageIoDecoderTests {

    private final ImageIoDecoder decoder = ImageIoDecoder.create(DecodeLimits.defaults());

    @ParameterizedTest
    @ValueSource(strings = {"png", "bmp", "gif", "tiff", "jpeg"})
    void decodesEveryJdkFormat(String format) throws Exception {
        BufferedImage image = format.equals("gif") ? palette(40, 30) : rgb(40, 30);

        Pixels pixels = decode(encode(image, format));

        assertThat(pixels).isInstanceOf(RgbPixels.class);
        assertThat(pixels.width()).isEqualTo(40);
        assertThat(pixels.height()).isEqualTo(30);
        if (!format.equals("jpeg")) {
            assertThat(((RgbPixels) pixels).rgbAt(7, 5)).isEqualTo(image.getRGB(7, 5) & 0xFFFFFF);
        }
    }

    @Test
    void decodesProgressiveJpeg() throws Exception {
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var out = new ByteArrayOutputStream();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(rgb(64, 48), null, null), param);
        } finally {
            writer.dispose();
        }

        assertThat(decode(out.toByteArray()).width()).isEqualTo(64);
    }

    @Test
    void decodesWebpAndCmykJpegFromTheVectors() throws Exception {
        Path images = Path.of(System.getProperty("redress.pdq.vectors", "src/test/resources/pdq-vectors"), "images");

        assertThat(decoder.decode(images.resolve("misc-images/modes/F.webp")).width())
                .isEqualTo(512);
        assertThat(decoder.decode(images.resolve("misc-images/modes/CMYK.jpg"))).isInstanceOf(RgbPixels.class);
    }

    @Test
    void keepsRawGreyValues() throws Exception {
        var grey = new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 200; i++) {
            grey.getRaster().setSample(i % 20, i / 20, 0, i);
        }

        Pixels pixels = decode(encode(grey, "png"));

        assertThat(pixels).isInstanceOf(GreyPixels.class);
        assertThat(((GreyPixels) pixels).greyAt(3, 2)).isEqualTo(43);
        assertThat(((GreyPixels) pixels).greyAt(19, 9)).isEqualTo(199);
    }

    @Test
    void roundsSixteenBitGreyToEightBits() throws Exception {
        var grey = new BufferedImage(10, 10, BufferedImage.TYPE_USHORT_GRAY);
        grey.getRaster().setSample(0, 0, 0, 65535);
        grey.getRaster().setSample(1, 0, 0, 257 * 100 + 128);
        grey.getRaster().setSample(2, 0, 0, 257 * 100 + 129);

        var pixels = (GreyPixels) decode(encode(grey, "png"));

        assertThat(pixels.greyAt(0, 0)).isEqualTo(255);
        assertThat(pixels.greyAt(1, 0)).isEqualTo(100);
        assertThat(pixels.greyAt(2, 0)).isEqualTo(101);
    }

    @Test
    void dropsAlphaWithoutCompositing() throws Exception {
        var image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(2, 3, 0x10AABBCC);

        var pixels = (RgbPixels) decode(encode(image, "png"));

        assertThat(pixels.rgbAt(2, 3)).isEqualTo(0xAABBCC);
    }

    @Test
    void squashesLargeImagesTo512ByNearestNeighbour() throws Exception {
        BufferedImage image = rgb(1024, 600);

        var pixels = (RgbPixels) decode(encode(image, "png"));

        assertThat(pixels.width()).isEqualTo(512);
        assertThat(pixels.height()).isEqualTo(512);
        // Row y comes from floor(y * 600 / 512), column x from floor(x * 1024 / 512).
        assertThat(pixels.rgbAt(301, 417)).isEqualTo(image.getRGB(602, 417 * 600 / 512) & 0xFFFFFF);
    }

    @Test
    void keepsImagesOf512AndLessAsTheyAre() throws Exception {
        var pixels = decode(encode(rgb(512, 100), "png"));

        assertThat(pixels.width()).isEqualTo(512);
        assertThat(pixels.height()).isEqualTo(100);
    }

    @Test
    void refusesAnEmptyFile() {
        assertRefused(new byte[0], Reason.EMPTY);
    }

    @Test
    void refusesSomethingThatIsNotAnImage() {
        assertRefused(
                "%PDF-1.7 this is a document, not a picture".getBytes(StandardCharsets.US_ASCII),
                Reason.UNSUPPORTED_FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "gif", "bmp"})
    void refusesTruncatedFiles(String format) throws Exception {
        byte[] whole = encode(rgbNoisy(300, 200), format);
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

        var e = catchRefusal(truncated);

        assertThat(e.reason()).isIn(Reason.TRUNCATED, Reason.CORRUPT);
    }

    @Test
    void refusesCorruptData() throws Exception {
        byte[] png = encode(rgbNoisy(100, 100), "png");
        for (int i = 60; i < png.length - 20; i++) {
            png[i] = (byte) (png[i] ^ 0x5A);
        }

        assertThat(catchRefusal(png).reason()).isIn(Reason.CORRUPT, Reason.TRUNCATED);
    }

    @Test
    void refusesImagesUnderFivePixelsOnASide() throws Exception {
        assertRefused(encode(rgb(4, 100), "png"), Reason.TOO_SMALL);
        assertRefused(encode(rgb(100, 1), "png"), Reason.TOO_SMALL);
    }

    @Test
    void refusesFilesOverTheByteLimit() throws Exception {
        var strict = ImageIoDecoder.create(new DecodeLimits(1000, DecodeLimits.DEFAULT_MAX_PIXELS));
        byte[] png = encode(rgbNoisy(100, 100), "png");

        assertThatThrownBy(() -> strict.decode(new ByteArrayInputStream(png)))
                .isInstanceOfSatisfying(
                        UndecodableImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_BYTES));
    }

    @Test
    void refusesFilesOverTheByteLimitBeforeReadingThem(@TempDir Path dir) throws Exception {
        var strict = ImageIoDecoder.create(new DecodeLimits(1000, DecodeLimits.DEFAULT_MAX_PIXELS));
        Path file = dir.resolve("big.png");
        Files.write(file, encode(rgbNoisy(100, 100), "png"));

        assertThatThrownBy(() -> strict.decode(file))
                .isInstanceOfSatisfying(
                        UndecodableImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_BYTES));
    }

    @Test
    void refusesAConfiguredPixelLimit() throws Exception {
        var strict = ImageIoDecoder.create(new DecodeLimits(DecodeLimits.DEFAULT_MAX_BYTES, 100 * 99));

        assertThatThrownBy(() -> strict.decode(new ByteArrayInputStream(encode(rgb(100, 100), "png"))))
                .isInstanceOfSatisfying(
                        UndecodableImageException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS));
    }

    @Test
    void refusesA20000SquarePngBombWithoutAllocatingItsPixels() throws Exception {
        byte[] bomb = pngBomb(20_000, 20_000);
        assertThat(bomb.length).isLessThan(4_000_000);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        var e = catchRefusal(bomb);

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
        assertThat(e.getMessage()).contains("20000 x 20000");
        // The decoded image would need 1.2 GB; refusing must cost about the file's own size.
        assertThat(allocated).isLessThan(8L * bomb.length + 4_000_000);
    }

    @Test
    void refusesASixteenBitRgbaImageWhoseDecodedRasterIsOverTheByteBudget() throws Exception {
        // 2000 x 2000 is within the pixel limit, but at 8 bytes a pixel the raster needs 32 MB.
        var budget = ImageIoDecoder.create(new DecodeLimits(DecodeLimits.DEFAULT_MAX_BYTES, 5_000_000L, 20_000_000L));
        byte[] deep = pngBomb(2000, 2000, 16, 6, 4);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        var refusal = org.assertj.core.api.Assertions.catchThrowableOfType(
                UndecodableImageException.class, () -> budget.decode(new ByteArrayInputStream(deep)));

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(refusal.reason()).isEqualTo(Reason.TOO_MANY_DECODED_BYTES);
        assertThat(refusal.getMessage()).contains("2000 x 2000 x 8");
        assertThat(allocated).isLessThan(8L * deep.length + 4_000_000);
        assertThat(budget.decode(new ByteArrayInputStream(pngBomb(2000, 2000, 8, 6, 4)))
                        .width())
                .isEqualTo(512);
    }

    @Test
    void budgetsFourBytesAPixelWhenOnlyPixelsAreLimited() {
        assertThat(new DecodeLimits(100, 1_000).maxDecodedBytes()).isEqualTo(4_000);
        assertThat(DecodeLimits.defaults().maxDecodedBytes()).isEqualTo(DecodeLimits.DEFAULT_MAX_DECODED_BYTES);
    }

    @Test
    void messagesDescribeShapesNotContent() throws Exception {
        var e = catchRefusal(encode(rgb(3, 3), "png"));

        assertThat(e.getMessage()).isEqualTo("the image is 3 x 3 pixels; at least 5 x 5 is needed");
    }

    private Pixels decode(byte[] bytes) throws IOException, UndecodableImageException {
        return decoder.decode(new ByteArrayInputStream(bytes));
    }

    private void assertRefused(byte[] bytes, Reason reason) {
        assertThat(catchRefusal(bytes).reason()).isEqualTo(reason);
    }

    private UndecodableImageException catchRefusal(byte[] bytes) {
        try {
            Pixels pixels = decode(bytes);
            throw new AssertionError("decoded " + pixels + " instead of refusing");
        } catch (UndecodableImageException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        var out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IOException("no writer for " + format);
        }
        return out.toByteArray();
    }

    static BufferedImage rgb(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | ((x ^ y) & 0xFF));
            }
        }
        return image;
    }

    private static BufferedImage rgbNoisy(int width, int height) {
        var random = new java.util.Random(width * 31L + height);
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }

    private static BufferedImage palette(int width, int height) {
        byte[] levels = new byte[16];
        for (int i = 0; i < 16; i++) {
            levels[i] = (byte) (i * 17);
        }
        var model = new IndexColorModel(4, 16, levels, levels.clone(), levels);
        var image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, model);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, (x + y) % 16);
            }
        }
        return image;
    }

    /** A valid grey PNG whose deflated rows of zeros inflate to width x height bytes. */
    private static byte[] pngBomb(int width, int height) throws IOException {
        return pngBomb(width, height, 8, 0, 1);
    }

    /** A valid PNG of zeros with the given bit depth, colour type and channels per pixel. */
    private static byte[] pngBomb(int width, int height, int bitDepth, int colourType, int channels)
            throws IOException {
        var deflater = new Deflater(Deflater.BEST_SPEED);
        var compressed = new ByteArrayOutputStream();
        byte[] row = new byte[width * channels * bitDepth / 8 + 1];
        byte[] buffer = new byte[1 << 16];
        for (int y = 0; y < height; y++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        var png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(
                png,
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put((byte) bitDepth)
                        .put((byte) colourType)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .array());
        chunk(png, "IDAT", compressed.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        png.write(ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(typeBytes);
        png.write(data);
        var crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
