package org.redress.server.evidence;

import java.time.Instant;
import java.util.Objects;

/**
 * One export of a case's evidence, as recorded for the chain of custody.
 *
 * @param manifestSha256 the SHA-256 of the bundle's {@code manifest.json}: it names the export, and
 *     the audit entry of the export carries it
 * @param caseRef the case exported
 * @param exportedBy who asked ({@code STAFF:alice}, {@code OPERATOR:cli})
 * @param reason why: the request or reference the export answers
 * @param exportedAt when
 */
public record EvidenceExport(
        String manifestSha256, String caseRef, String exportedBy, String reason, Instant exportedAt) {

    public EvidenceExport {
        Objects.requireNonNull(manifestSha256, "manifestSha256");
        Objects.requireNonNull(caseRef, "caseRef");
        Objects.requireNonNull(exportedBy, "exportedBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(exportedAt, "exportedAt");
    }
}
