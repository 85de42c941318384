package org.redress.server.evidence;

import java.util.Objects;

/**
 * An exported bundle.
 *
 * @param caseRef the case asked for
 * @param zip the ZIP's bytes
 * @param manifestSha256 the SHA-256 of its {@code manifest.json}, as recorded and audited
 */
@SuppressWarnings("ArrayRecordComponent") // handed over once, never compared or kept
public record EvidenceBundle(String caseRef, byte[] zip, String manifestSha256) {

    public EvidenceBundle {
        Objects.requireNonNull(caseRef, "caseRef");
        Objects.requireNonNull(zip, "zip");
        Objects.requireNonNull(manifestSha256, "manifestSha256");
    }

    /** A file name for the download. */
    public String fileName() {
        return "evidence-" + caseRef.replaceAll("[^A-Za-z0-9-]", "_") + "-" + manifestSha256.substring(0, 12) + ".zip";
    }
}
