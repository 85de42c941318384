package org.redress.server.matching.check;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises HEIC and AVIF files (ISO base media files whose {@code ftyp} box names a HEIF or AVIF
 * brand), which phones produce by default. No maintained pure-Java decoder reads them, so the
 * service cannot hash them; knowing which they are lets the answer say what to send instead.
 */
final class HeifBrands {

    private static final Set<String> AVIF = Set.of("avif", "avis");
    private static final Set<String> HEIC =
            Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1");

    private HeifBrands() {}

    /** {@code "avif"} or {@code "heic"} when the file says it is one, otherwise empty. */
    static Optional<String> format(byte[] file) {
        if (file.length < 16 || !"ftyp".equals(ascii(file, 4))) {
            return Optional.empty();
        }
        long size =
                ((file[0] & 0xffL) << 24) | ((file[1] & 0xffL) << 16) | ((file[2] & 0xffL) << 8) | (file[3] & 0xffL);
        int end = (int) Math.min(Math.max(size, 16), file.length);
        boolean heic = false;
        // The major brand at 8, the minor version at 12, then the compatible brands.
        for (int at = 8; at + 4 <= end; at += at == 8 ? 8 : 4) {
            String brand = ascii(file, at);
            if (AVIF.contains(brand)) {
                return Optional.of("avif");
            }
            heic |= HEIC.contains(brand);
        }
        return heic ? Optional.of("heic") : Optional.empty();
    }

    private static String ascii(byte[] file, int at) {
        return new String(file, at, 4, StandardCharsets.ISO_8859_1);
    }
}
