package org.redress.server.media.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.redress.pdq.imageio.UndecodableImageException;
import org.redress.pdq.imageio.UndecodableImageException.Reason;
import org.redress.server.media.Media;
import org.redress.server.media.MediaImages;

class PreviewsTests {

    private final Previews previews = new Previews(Media.MAX_BYTES);

    private static BufferedImage read(byte[] png) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static double luma(int rgb) {
        return 0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.114 * (rgb & 0xFF);
    }

    /** Mean absolute difference between horizontally and vertically adjacent pixels: fine detail. */
    private static double highFrequencyEnergy(BufferedImage image) {
        double sum = 0;
        long pairs = 0;
        for (int y = 0; y < image.getHeight() - 1; y++) {
            for (int x = 0; x < image.getWidth() - 1; x++) {
                double here = luma(image.getRGB(x, y));
                sum += Math.abs(here - luma(image.getRGB(x + 1, y))) + Math.abs(here - luma(image.getRGB(x, y + 1)));
                pairs += 2;
            }
        }
        return sum / pairs;
    }

    @Test
    void makesASmallGreyscalePngWithTheImagesProportions() throws Exception {
        BufferedImage preview = read(previews.render(MediaImages.png(MediaImages.detailed(3, 480, 360))));

        assertThat(preview.getWidth()).isEqualTo(320);
        assertThat(preview.getHeight()).isEqualTo(240);
        for (int y = 0; y < preview.getHeight(); y++) {
            for (int x = 0; x < preview.getWidth(); x++) {
                int rgb = preview.getRGB(x, y);
                assertThat(rgb >> 16 & 0xFF).isEqualTo(rgb >> 8 & 0xFF).isEqualTo(rgb & 0xFF);
            }
        }
    }

    @Test
    void blursAwayAlmostAllFineDetail() throws Exception {
        BufferedImage original = MediaImages.detailed(4, 300, 200);
        BufferedImage preview = read(previews.render(MediaImages.png(original)));

        double before = highFrequencyEnergy(original);
        double after = highFrequencyEnergy(preview);

        assertThat(before).isGreaterThan(40);
        assertThat(after).as("fine detail left in the preview").isLessThan(before / 50);
    }

    @Test
    void neverEnlargesASmallImageAndHandlesGreyInput() throws Exception {
        var grey = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 30; y++) {
                grey.getRaster().setSample(x, y, 0, x < 20 ? 20 : 230);
            }
        }

        BufferedImage preview = read(previews.render(MediaImages.png(grey)));

        assertThat(preview.getWidth()).isEqualTo(40);
        assertThat(preview.getHeight()).isEqualTo(30);
        assertThat(preview.getRaster().getSample(0, 15, 0)).isLessThan(60);
        assertThat(preview.getRaster().getSample(39, 15, 0)).isGreaterThan(190);
    }

    @Test
    void refusesADecompressionBombWithoutDecodingIt() {
        byte[] bomb = MediaImages.pngBomb(10_000);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        var refusal = catchThrowableOfType(UndecodableImageException.class, () -> previews.render(bomb));

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(refusal.reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
        // Decoding would take 100 MB of samples and 400 MB as RGB; refusing costs about the file.
        assertThat(allocated).isLessThan(8L * bomb.length + 4_000_000);
    }

    @Test
    void refusesMalformedAndTruncatedFilesCleanly() {
        byte[] png = MediaImages.png(MediaImages.detailed(5, 64, 64));
        byte[] garbage = new byte[4096];
        Arrays.fill(garbage, (byte) 0x5A);

        assertThat(catchThrowableOfType(UndecodableImageException.class, () -> previews.render(garbage))
                        .reason())
                .isEqualTo(Reason.UNSUPPORTED_FORMAT);
        assertThat(catchThrowableOfType(
                                UndecodableImageException.class,
                                () -> previews.render(Arrays.copyOf(png, png.length / 2)))
                        .reason())
                .isIn(Reason.TRUNCATED, Reason.CORRUPT);
    }
}
