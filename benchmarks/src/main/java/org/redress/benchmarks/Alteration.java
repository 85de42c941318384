package org.redress.benchmarks;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * One way a re-upload differs from the original, at one strength, applied to the full-resolution
 * picture and saved as the file a platform would receive (PNG, or JPEG where the quality is the
 * alteration).
 */
record Alteration(String name, UnaryOperator<BufferedImage> change, float jpegQuality) {

    /** The set the recall evaluation measures: the transformations at several strengths. */
    static List<Alteration> standardSet() {
        return List.of(
                lossless("resize-50%", image -> scaled(image, 0.5)),
                new Alteration("jpeg-quality-30", image -> image, 0.3f),
                lossless("greyscale", Alteration::grey),
                lossless("blur-5px", Alteration::blurred),
                lossless("rotate-90", image -> rotated(image, 90, false)),
                lossless("mirror", Alteration::mirrored),
                lossless("crop-centre-95%", image -> cropped(image, 0.025, 0.025, 0.025, 0.025)),
                lossless("crop-centre-90%", image -> cropped(image, 0.05, 0.05, 0.05, 0.05)),
                lossless("crop-centre-80%", image -> cropped(image, 0.1, 0.1, 0.1, 0.1)),
                lossless("crop-left-top-10%", image -> cropped(image, 0.1, 0.1, 0, 0)),
                lossless("crop-right-5%-bottom-10%", image -> cropped(image, 0, 0, 0.05, 0.1)),
                lossless("crop-bottom-10%", image -> cropped(image, 0, 0, 0, 0.1)),
                lossless("crop-left-10%", image -> cropped(image, 0.1, 0, 0, 0)),
                lossless("border-5px-black", image -> bordered(image, 5, Color.BLACK)),
                lossless("border-10px-black", image -> bordered(image, 10, Color.BLACK)),
                lossless("border-10px-white", image -> bordered(image, 10, Color.WHITE)),
                lossless("border-40px-black", image -> bordered(image, 40, Color.BLACK)),
                lossless("letterbox-16:9", Alteration::letterboxed),
                lossless("rotate-3deg", image -> rotated(image, 3, true)),
                lossless("rotate-7deg", image -> rotated(image, 7, true)));
    }

    private static Alteration lossless(String name, UnaryOperator<BufferedImage> change) {
        return new Alteration(name, change, 0);
    }

    /** The altered copy as the bytes of a file. */
    byte[] apply(BufferedImage original) {
        BufferedImage altered = change.apply(original);
        try {
            return jpegQuality > 0 ? jpeg(altered, jpegQuality) : png(altered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage rgb(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    private static BufferedImage scaled(BufferedImage image, double factor) {
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage out = rgb(width, height);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    /** Grey by Rec. 601 luma, written as raw samples (drawing into a grey image would change the tones). */
    private static BufferedImage grey(BufferedImage image) {
        var out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int luma = (299 * (rgb >> 16 & 0xFF) + 587 * (rgb >> 8 & 0xFF) + 114 * (rgb & 0xFF) + 500) / 1000;
                out.getRaster().setSample(x, y, 0, luma);
            }
        }
        return out;
    }

    /**
     * The picture as 8-bit RGB with the sample values the production decoder reads: a grey image's
     * raw samples copied to the three channels (Java2D would convert them through linear grey and
     * change every tone), anything else drawn as it is.
     */
    static BufferedImage asRgb(BufferedImage image) {
        BufferedImage out = rgb(image.getWidth(), image.getHeight());
        if (image.getRaster().getNumBands() == 1 && image.getColorModel().getPixelSize() <= 8) {
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int g = image.getRaster().getSample(x, y, 0);
                    out.setRGB(x, y, g << 16 | g << 8 | g);
                }
            }
            return out;
        }
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    private static BufferedImage blurred(BufferedImage image) {
        float[] box = new float[25];
        java.util.Arrays.fill(box, 1f / 25);
        return new ConvolveOp(new Kernel(5, 5, box), ConvolveOp.EDGE_NO_OP, null).filter(copy(image), null);
    }

    private static BufferedImage mirrored(BufferedImage image) {
        BufferedImage out = rgb(image.getWidth(), image.getHeight());
        Graphics2D g = out.createGraphics();
        g.drawImage(image, image.getWidth(), 0, -image.getWidth(), image.getHeight(), null);
        g.dispose();
        return out;
    }

    /** Cuts the given shares of the width from the left and right and of the height from the top and bottom. */
    private static BufferedImage cropped(BufferedImage image, double left, double top, double right, double bottom) {
        int x = (int) Math.round(image.getWidth() * left);
        int y = (int) Math.round(image.getHeight() * top);
        int width = image.getWidth() - x - (int) Math.round(image.getWidth() * right);
        int height = image.getHeight() - y - (int) Math.round(image.getHeight() * bottom);
        return copy(image.getSubimage(x, y, width, height));
    }

    private static BufferedImage bordered(BufferedImage image, int pixels, Color colour) {
        BufferedImage out = rgb(image.getWidth() + 2 * pixels, image.getHeight() + 2 * pixels);
        Graphics2D g = out.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(image, pixels, pixels, null);
        g.dispose();
        return out;
    }

    /** The picture centred on a black 16:9 canvas as wide as it is (bars above and below, or beside). */
    private static BufferedImage letterboxed(BufferedImage image) {
        int width = Math.max(image.getWidth(), (int) Math.round(image.getHeight() * 16.0 / 9));
        int height = Math.max(image.getHeight(), (int) Math.round(width * 9.0 / 16));
        BufferedImage out = rgb(width, height);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, width, height);
        g.drawImage(image, (width - image.getWidth()) / 2, (height - image.getHeight()) / 2, null);
        g.dispose();
        return out;
    }

    /** Turned about its centre; a small angle keeps the canvas (black corners), 90 degrees swaps the sides. */
    private static BufferedImage rotated(BufferedImage image, double degrees, boolean keepCanvas) {
        int width = keepCanvas ? image.getWidth() : image.getHeight();
        int height = keepCanvas ? image.getHeight() : image.getWidth();
        BufferedImage out = rgb(width, height);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        var turn = new AffineTransform();
        turn.translate(width / 2.0, height / 2.0);
        turn.rotate(Math.toRadians(degrees));
        turn.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
        g.drawImage(image, turn, null);
        g.dispose();
        return out;
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage out = rgb(image.getWidth(), image.getHeight());
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    static byte[] png(BufferedImage image) throws IOException {
        var bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var bytes = new ByteArrayOutputStream();
        try (var out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(copy(image), null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
