package org.redress.server.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.redress.pdq.Fingerprint;
import org.redress.pdq.PdqHasher;
import org.redress.pdq.imageio.DecodeLimits;
import org.redress.pdq.imageio.ImageIoDecoder;
import org.redress.pdq.imageio.UndecodableImageException;
import org.redress.server.media.Media;

/**
 * The hashes of one image as received: SHA-256 and MD5 of the bytes, and its PDQ hash and quality
 * computed as the upload check computes them, so that an investigator can match it against other
 * collections with the usual tools.
 */
final class ContentFacts {

    /** As for upload checks: decoding this many pixels takes about 200 MB. */
    private static final long MAX_PIXELS = 50_000_000L;

    private static final ImageIoDecoder DECODER = ImageIoDecoder.create(new DecodeLimits(Media.MAX_BYTES, MAX_PIXELS));
    private static final PdqHasher HASHER = PdqHasher.create();

    private ContentFacts() {}

    static Map<String, Object> hashes(byte[] image) {
        var facts = new LinkedHashMap<String, Object>();
        facts.put("size", image.length);
        facts.put("sha256", EvidenceKeys.sha256Hex(image));
        facts.put("md5", HexFormat.of().formatHex(EvidenceKeys.digest("MD5", image)));
        try {
            Fingerprint fingerprint = HASHER.hash(DECODER.decode(new ByteArrayInputStream(image)));
            facts.put("pdq", fingerprint.hash().toHex());
            facts.put("pdqQuality", fingerprint.quality().value());
        } catch (UndecodableImageException e) {
            facts.put("pdq", null);
            facts.put("pdqUnavailable", e.reason().name());
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory failed", e);
        }
        return facts;
    }
}
