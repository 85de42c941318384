package org.redress.server.matching;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Synthetic test pictures drawn with java.awt: seeded random shapes, and edits of them. */
final class TestImages {

    private TestImages() {}

    /** A 256 x 192 picture of random ellipses and rectangles, different for each seed. */
    static BufferedImage picture(long seed) {
        var random = new Random(seed);
        var image = new BufferedImage(256, 192, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(random.nextInt(0xFFFFFF)));
        g.fillRect(0, 0, 256, 192);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            int x = random.nextInt(220),
                    y = random.nextInt(160),
                    w = 20 + random.nextInt(120),
                    h = 20 + random.nextInt(90);
            if (random.nextBoolean()) {
                g.fillOval(x, y, w, h);
            } else {
                g.fillRect(x, y, w, h);
            }
        }
        g.dispose();
        return image;
    }

    /** The picture slightly brightened with a small caption: a near-duplicate. */
    static BufferedImage nearDuplicate(BufferedImage original) {
        var copy = new BufferedImage(original.getWidth(), original.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < original.getHeight(); y++) {
            for (int x = 0; x < original.getWidth(); x++) {
                var c = new Color(original.getRGB(x, y));
                copy.setRGB(
                        x,
                        y,
                        new Color(
                                        Math.min(255, c.getRed() + 12),
                                        Math.min(255, c.getGreen() + 12),
                                        Math.min(255, c.getBlue() + 12))
                                .getRGB());
            }
        }
        Graphics2D g = copy.createGraphics();
        g.setColor(Color.WHITE);
        g.drawString("repost", 4, 14);
        g.dispose();
        return copy;
    }

    /** The picture rotated 90 degrees clockwise. */
    static BufferedImage rotated(BufferedImage original) {
        var turned = new BufferedImage(original.getHeight(), original.getWidth(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        var transform = new AffineTransform();
        transform.translate(original.getHeight(), 0);
        transform.rotate(Math.PI / 2);
        g.drawImage(original, transform, null);
        g.dispose();
        return turned;
    }

    /** The picture mirrored left to right. */
    static BufferedImage mirrored(BufferedImage original) {
        var flipped = new BufferedImage(original.getWidth(), original.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < original.getHeight(); y++) {
            for (int x = 0; x < original.getWidth(); x++) {
                flipped.setRGB(original.getWidth() - 1 - x, y, original.getRGB(x, y));
            }
        }
        return flipped;
    }

    static byte[] png(BufferedImage image) {
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
