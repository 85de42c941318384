package org.redress.pdq;

import java.util.Objects;

/**
 * A PDQ hash together with the quality of the image it was computed from.
 *
 * @param hash the 256-bit hash
 * @param quality how far the hash can be trusted
 */
public record Fingerprint(PdqHash hash, Quality quality) {

    /** @throws NullPointerException when either part is missing */
    public Fingerprint {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(quality, "quality");
    }
}
