package org.redress.server.shared;

/**
 * The file name extension an image's first bytes show, for a file written out of the media store
 * (an evidence bundle, a file sent with a referral) so that it opens in an ordinary viewer. The
 * store keeps bytes without a name, and platforms send none.
 */
public final class ImageFileTypes {

    private ImageFileTypes() {}

    /** {@code png}, {@code jpg}, {@code gif}, {@code webp}, {@code tiff} or {@code bmp}; {@code bin} otherwise. */
    public static String extensionOf(byte[] image) {
        if (startsWith(image, 0x89, 'P', 'N', 'G')) {
            return "png";
        }
        if (startsWith(image, 0xFF, 0xD8, 0xFF)) {
            return "jpg";
        }
        if (startsWith(image, 'G', 'I', 'F', '8')) {
            return "gif";
        }
        if (image.length >= 12 && startsWith(image, 'R', 'I', 'F', 'F') && image[8] == 'W' && image[9] == 'E') {
            return "webp";
        }
        if (startsWith(image, 'I', 'I', '*', 0) || startsWith(image, 'M', 'M', 0, '*')) {
            return "tiff";
        }
        if (startsWith(image, 'B', 'M')) {
            return "bmp";
        }
        return "bin";
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
