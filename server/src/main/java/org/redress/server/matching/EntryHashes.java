package org.redress.server.matching;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.redress.pdq.PdqHash;

/**
 * The hashes of one image: PDQ, MD5 and SHA-256, at least one of them. Digests are kept as
 * lower-case hex.
 */
public record EntryHashes(Optional<PdqHash> pdq, Optional<String> md5, Optional<String> sha256) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    /** @throws IllegalArgumentException when none is given or a digest has the wrong shape */
    public EntryHashes {
        Objects.requireNonNull(pdq, "pdq");
        md5 = md5.map(d -> checked(d, 32, "MD5"));
        sha256 = sha256.map(d -> checked(d, 64, "SHA-256"));
        if (pdq.isEmpty() && md5.isEmpty() && sha256.isEmpty()) {
            throw new IllegalArgumentException("at least one of PDQ, MD5 or SHA-256 is required");
        }
    }

    /** Parses optional hex texts; blank texts count as absent. */
    public static EntryHashes parse(@Nullable String pdqHex, @Nullable String md5Hex, @Nullable String sha256Hex) {
        return new EntryHashes(present(pdqHex).map(PdqHash::fromHex), present(md5Hex), present(sha256Hex));
    }

    /** Just a PDQ hash. */
    public static EntryHashes ofPdq(PdqHash pdq) {
        return new EntryHashes(Optional.of(pdq), Optional.empty(), Optional.empty());
    }

    private static Optional<String> present(@org.jspecify.annotations.Nullable String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    private static String checked(String digest, int hexDigits, String name) {
        String lower = digest.toLowerCase(Locale.ROOT);
        if (lower.length() != hexDigits || !HEX.matcher(lower).matches()) {
            throw new IllegalArgumentException(
                    name + " must be " + hexDigits + " hex digits, got " + digest.length() + " characters");
        }
        return lower;
    }
}
