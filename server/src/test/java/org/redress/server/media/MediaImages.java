package org.redress.server.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Pictures for the media tests: detailed synthetic photos, and a decompression bomb. */
public final class MediaImages {

    private MediaImages() {}

    /** A detailed colour picture: many small random shapes over noise, so it has fine structure. */
    public static BufferedImage detailed(long seed, int width, int height) {
        var random = new Random(seed);
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < 200; i++) {
            g.setColor(new Color(random.nextInt(0x1000000)));
            g.fillRect(random.nextInt(width), random.nextInt(height), 2 + random.nextInt(12), 2 + random.nextInt(12));
        }
        g.dispose();
        return image;
    }

    public static byte[] png(BufferedImage image) {
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A well-formed 8-bit grey PNG that declares {@code side} x {@code side} pixels, all zero: a few
     * MB on disk that would inflate to {@code side * side} bytes and more once decoded.
     */
    public static byte[] pngBomb(int side) {
        var deflater = new Deflater(Deflater.BEST_COMPRESSION);
        var idat = new ByteArrayOutputStream();
        byte[] scanline = new byte[side + 1]; // filter byte 0, then the samples
        byte[] chunk = new byte[1 << 16];
        for (int y = 0; y < side; y++) {
            deflater.setInput(scanline);
            while (!deflater.needsInput()) {
                idat.write(chunk, 0, deflater.deflate(chunk));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            idat.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        var png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        byte[] header = ByteBuffer.allocate(13)
                .putInt(side)
                .putInt(side)
                .put((byte) 8)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .array();
        writeChunk(png, "IHDR", header);
        writeChunk(png, "IDAT", idat.toByteArray());
        writeChunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void writeChunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        var crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(name);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
