package org.redress.server.intake;

import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.redress.pdq.PdqHash;
import org.redress.pdq.Quality;

/**
 * The hashes of one image that a person protected from their own device: always PDQ, with the
 * quality their browser computed and the file's MD5 and SHA-256 when given. Never the image.
 *
 * @param pdq the perceptual hash
 * @param quality the PDQ quality, when the browser reported it
 * @param md5 the 16-byte MD5 of the file, when given
 * @param sha256 the 32-byte SHA-256 of the file, when given
 * @param dihedral the PDQ hashes of the image's eight rotations and mirrorings, when the browser
 *     computed them: the original first, then rotated by 90, 180 and 270 degrees, then mirrored
 *     about the x axis, the y axis, the main and the other diagonal; otherwise empty
 */
public record SubmittedHash(
        PdqHash pdq, Optional<Quality> quality, Optional<byte[]> md5, Optional<byte[]> sha256, List<PdqHash> dihedral) {

    /** How many hashes {@code dihedral} holds when given. */
    public static final int DIHEDRAL = 8;

    /** @throws IllegalArgumentException when a digest has the wrong length or the dihedral hashes are not eight */
    public SubmittedHash {
        Objects.requireNonNull(pdq, "pdq");
        Objects.requireNonNull(quality, "quality");
        md5 = md5.map(d -> checkedCopy(d, 16, "MD5"));
        sha256 = sha256.map(d -> checkedCopy(d, 32, "SHA-256"));
        dihedral = List.copyOf(dihedral);
        if (!dihedral.isEmpty() && dihedral.size() != DIHEDRAL) {
            throw new IllegalArgumentException("the dihedral hashes are " + DIHEDRAL + " or none");
        }
    }

    /** Hashes without their rotations and mirrorings. */
    public SubmittedHash(PdqHash pdq, Optional<Quality> quality, Optional<byte[]> md5, Optional<byte[]> sha256) {
        this(pdq, quality, md5, sha256, List.of());
    }

    private static byte[] checkedCopy(byte[] digest, int length, String name) {
        if (digest.length != length) {
            throw new IllegalArgumentException(name + " must be " + length + " bytes, got " + digest.length);
        }
        return digest.clone();
    }

    /** Returns the MD5 as 32 lower-case hex digits, when given. */
    public Optional<String> md5Hex() {
        return md5.map(d -> HexFormat.of().formatHex(d));
    }

    /** Returns the SHA-256 as 64 lower-case hex digits, when given. */
    public Optional<String> sha256Hex() {
        return sha256.map(d -> HexFormat.of().formatHex(d));
    }

    // Records compare arrays by identity; digests are values.
    @Override
    public boolean equals(Object other) {
        return other instanceof SubmittedHash that
                && pdq.equals(that.pdq)
                && quality.equals(that.quality)
                && md5Hex().equals(that.md5Hex())
                && sha256Hex().equals(that.sha256Hex())
                && dihedral.equals(that.dihedral);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pdq, quality, md5Hex(), sha256Hex(), dihedral);
    }

    @Override
    public String toString() {
        return "SubmittedHash[pdq=" + pdq + ", quality=" + quality + ", md5=" + md5Hex() + ", sha256=" + sha256Hex()
                + ", dihedral=" + dihedral.size() + "]";
    }
}
