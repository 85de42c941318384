package org.redress.server.matching.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.pdq.Dihedral;
import org.redress.pdq.EntryFraming;
import org.redress.pdq.Fingerprint;
import org.redress.pdq.PdqHash;
import org.redress.pdq.PdqHasher;
import org.redress.pdq.Pixels;
import org.redress.pdq.Quality;
import org.redress.pdq.Reframing;
import org.redress.pdq.imageio.DecodeLimits;
import org.redress.pdq.imageio.ImageIoDecoder;
import org.redress.pdq.imageio.UndecodableImageException;
import org.redress.server.matching.Bank;
import org.redress.server.matching.EntryHashes;
import org.redress.server.matching.UndecodableUploadException;
import org.redress.server.matching.UploadTooLargeException;

/**
 * Hashes an uploaded image: PDQ with its seven rotations and mirrorings (docs/adr/0007), MD5 and
 * SHA-256 of the bytes; for a bank entry, also the framings of {@link EntryFraming}
 * (docs/adr/0026). The bytes are never stored.
 */
public final class UploadHashing {

    /** Uploads larger than this are refused before decoding (the multipart limit is the same). */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    /** 50 megapixels: decoding takes about 200 MB, so a few concurrent checks fit in the heap. */
    static final long MAX_PIXELS = 50_000_000L;

    /** Four bytes a pixel: an 8-bit RGBA image of the full 50 megapixels, about 200 MB. */
    static final long MAX_DECODED_BYTES = 4 * MAX_PIXELS;

    private static final ImageIoDecoder DECODER =
            ImageIoDecoder.create(new DecodeLimits(MAX_BYTES, MAX_PIXELS, MAX_DECODED_BYTES));

    private static final DecodeGate GATE = DecodeGate.forThisMachine();

    /** The quality a picture and each of its framings needs to be framed: a bank's default floor. */
    private static final int FRAMING_QUALITY_FLOOR = Bank.DEFAULT_QUALITY_FLOOR;

    private UploadHashing() {}

    /**
     * How many image checks can be decoding or waiting to decode at once on this machine; the check
     * route admits no more than this many bodies to parsing (matching's ImageCheckAdmission).
     */
    public static int decodeCapacity() {
        return GATE.capacity();
    }

    /**
     * The upload's hashes, the PDQ hashes of its dihedral variants (all eight, in the group's order),
     * and the PDQ hash of the picture without its uniform borders when it has any.
     */
    public record Hashed(EntryHashes hashes, List<PdqHash> variants, Quality quality, Optional<PdqHash> unframed) {

        /**
         * Every hash a check searches with beyond its own: the rotations and mirrorings, and the
         * picture without its border or letterbox (docs/adr/0026: a 10-pixel border alone moved
         * most copies beyond the match distance).
         */
        public List<PdqHash> searchVariants() {
            if (unframed.isEmpty() || variants.contains(unframed.get())) {
                return variants;
            }
            var all = new ArrayList<PdqHash>(variants);
            all.add(unframed.get());
            return List.copyOf(all);
        }
    }

    /**
     * @throws UploadTooLargeException over {@link #MAX_BYTES}, {@link #MAX_PIXELS} or {@link #MAX_DECODED_BYTES}
     * @throws MatchingUnavailableException when too many images are being decoded already
     * @throws UndecodableUploadException naming the decoder's reason otherwise
     */
    public static Hashed hash(byte[] image) {
        return GATE.run(() -> hashNow(image));
    }

    /**
     * An image hashed for a bank entry: as an upload is, and in each of {@link EntryFraming}'s
     * framings, so that copies cropped, framed, turned or tilted as re-uploads are still match the
     * entry (docs/adr/0026).
     *
     * @param framings one hash per framing, in {@link EntryFraming}'s order; empty for an image too
     *     flat to frame
     */
    public record ForEntry(Hashed image, List<PdqHash> framings) {

        public ForEntry {
            framings = List.copyOf(framings);
        }

        /**
         * The entry's hashes beyond its own, by position: the seven rotations and mirrorings PDQ
         * derives, then the framings.
         */
        public List<PdqHash> entryVariants() {
            var all = new ArrayList<PdqHash>(
                    image.variants().subList(1, image.variants().size()));
            all.addAll(framings);
            return List.copyOf(all);
        }
    }

    /**
     * Hashes an image that becomes a bank entry (a bank's image, a removed item): as {@link #hash},
     * and each framing of {@link EntryFraming}.
     *
     * @throws UploadTooLargeException as {@link #hash}
     * @throws UndecodableUploadException as {@link #hash}
     */
    public static ForEntry hashForEntry(byte[] image) {
        return GATE.run(() -> {
            Pixels pixels = decode(image);
            PdqHasher hasher = PdqHasher.create();
            Hashed hashed = hashPixels(hasher, pixels, image);
            return new ForEntry(hashed, framings(hasher, pixels, hashed));
        });
    }

    /**
     * A flat picture's framings are flat too, and flat hashes lie close to each other whatever the
     * picture: an image under the default quality floor keeps no framings, and a framing under it
     * keeps the entry's own hash in its place (a duplicate costs memory, not matches).
     */
    private static List<PdqHash> framings(PdqHasher hasher, Pixels pixels, Hashed hashed) {
        if (hashed.quality().value() < FRAMING_QUALITY_FLOOR) {
            return List.of();
        }
        PdqHash own = hashed.hashes().pdq().orElseThrow();
        var framed = new ArrayList<PdqHash>(EntryFraming.values().length);
        for (EntryFraming framing : EntryFraming.values()) {
            Fingerprint print = hasher.hash(framing.apply(pixels));
            framed.add(print.quality().value() < FRAMING_QUALITY_FLOOR ? own : print.hash());
        }
        return framed;
    }

    private static Hashed hashNow(byte[] image) {
        return hashPixels(PdqHasher.create(), decode(image), image);
    }

    private static Hashed hashPixels(PdqHasher hasher, Pixels pixels, byte[] image) {
        Map<Dihedral, Fingerprint> all = hasher.hash(pixels, EnumSet.allOf(Dihedral.class));
        Optional<PdqHash> unframed = Reframing.withoutUniformBorders(pixels)
                .map(inner -> hasher.hash(inner).hash());
        Fingerprint fingerprint =
                java.util.Objects.requireNonNull(all.get(Dihedral.ORIGINAL), "the original is always hashed");
        PdqHash original = fingerprint.hash();
        var hashes = new EntryHashes(
                Optional.of(original), Optional.of(digest("MD5", image)), Optional.of(digest("SHA-256", image)));
        return new Hashed(
                hashes, all.values().stream().map(Fingerprint::hash).toList(), fingerprint.quality(), unframed);
    }

    private static Pixels decode(byte[] image) {
        try {
            return DECODER.decode(new ByteArrayInputStream(image));
        } catch (UndecodableImageException e) {
            throw switch (e.reason()) {
                case TOO_MANY_BYTES -> new UploadTooLargeException(UploadTooLargeException.Limit.BYTES, MAX_BYTES);
                case TOO_MANY_PIXELS -> new UploadTooLargeException(UploadTooLargeException.Limit.PIXELS, MAX_PIXELS);
                case TOO_MANY_DECODED_BYTES ->
                    new UploadTooLargeException(UploadTooLargeException.Limit.DECODED_BYTES, MAX_DECODED_BYTES);
                case UNSUPPORTED_FORMAT ->
                    HeifBrands.format(image)
                            .map(UndecodableUploadException::notAccepted)
                            .orElseGet(() ->
                                    new UndecodableUploadException(e.reason().name()));
                case EMPTY, TOO_SMALL, TRUNCATED, CORRUPT ->
                    new UndecodableUploadException(e.reason().name());
            };
        } catch (IOException e) {
            throw new UndecodableUploadException("corrupt");
        }
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }
}
