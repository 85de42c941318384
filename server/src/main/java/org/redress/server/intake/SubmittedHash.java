package org.redress.server.intake;

import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.redress.pdq.EntryFraming;
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
 * @param dihedral the PDQ hashes of the image's rotations and mirrorings as the browser derived them
 *     (up to {@link #MAX_DIHEDRAL}, in the order of docs/pdq.md), so that the image is recognised
 *     however a copy of it is turned; empty when not given
 * @param framings the PDQ hashes of the image's framings as the browser computed them (turned
 *     pixels, centres, corner and edge windows, tilts: one per {@link EntryFraming}, in its order),
 *     so that a cropped or tilted copy is recognised too; empty when not given
 */
public record SubmittedHash(
        PdqHash pdq,
        Optional<Quality> quality,
        Optional<byte[]> md5,
        Optional<byte[]> sha256,
        List<PdqHash> dihedral,
        List<PdqHash> framings) {

    public static final int MAX_DIHEDRAL = 8;

    /**
     * How many framing hashes an image has when it has any: one per {@link EntryFraming} (a
     * constant, as request validation needs one; checked against the framings when loaded).
     */
    public static final int FRAMINGS = 22;

    static {
        if (FRAMINGS != EntryFraming.values().length) {
            throw new IllegalStateException("SubmittedHash.FRAMINGS must equal the number of EntryFramings");
        }
    }

    /** @throws IllegalArgumentException when a digest has the wrong length or there are too many variants */
    public SubmittedHash {
        Objects.requireNonNull(pdq, "pdq");
        Objects.requireNonNull(quality, "quality");
        md5 = md5.map(d -> checkedCopy(d, 16, "MD5"));
        sha256 = sha256.map(d -> checkedCopy(d, 32, "SHA-256"));
        dihedral = List.copyOf(dihedral);
        if (dihedral.size() > MAX_DIHEDRAL) {
            throw new IllegalArgumentException("an image has up to " + MAX_DIHEDRAL + " dihedral hashes");
        }
        framings = List.copyOf(framings);
        if (!framings.isEmpty() && framings.size() != FRAMINGS) {
            throw new IllegalArgumentException("an image has no framing hashes or all " + FRAMINGS);
        }
    }

    /** A hash with its dihedral variants and no framings. */
    public SubmittedHash(
            PdqHash pdq,
            Optional<Quality> quality,
            Optional<byte[]> md5,
            Optional<byte[]> sha256,
            List<PdqHash> dihedral) {
        this(pdq, quality, md5, sha256, dihedral, List.of());
    }

    /** A hash without dihedral variants. */
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
                && dihedral.equals(that.dihedral)
                && framings.equals(that.framings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pdq, quality, md5Hex(), sha256Hex(), dihedral, framings);
    }

    // Also the submission's idempotency fingerprint: without variants it reads as in earlier releases.
    @Override
    public String toString() {
        return "SubmittedHash[pdq=" + pdq + ", quality=" + quality + ", md5=" + md5Hex() + ", sha256=" + sha256Hex()
                + (dihedral.isEmpty() ? "" : ", dihedral=" + dihedral)
                + (framings.isEmpty() ? "" : ", framings=" + framings.size()) + "]";
    }
}
