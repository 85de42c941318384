package org.redress.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash of an entry: SHA-256 over a length-prefixed encoding of a version tag, the sequence
 * number, the instant (ISO-8601, UTC, milliseconds), the actor, the action, the object and the
 * previous entry's hash. Length prefixes make the encoding unambiguous whatever the fields
 * contain; the sequence number inside the hash makes reordering detectable.
 */
final class AuditChain {

    /** The previous hash of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private static final String VERSION = "redress-audit-v1";

    private AuditChain() {
    }

    static String hash(long seq, Instant occurredAt, String actorKind, String actorId, String action,
            String objectType, String objectId, String prevHash) {
        var text = new StringBuilder(256);
        for (String field : new String[] { VERSION, Long.toString(seq), occurredAt.toString(), actorKind, actorId,
                action, objectType, objectId, prevHash }) {
            text.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    static String hashOf(AuditEntry e) {
        return hash(e.seq(), e.occurredAt(), e.actorKind(), e.actorId(), e.action(), e.objectType(), e.objectId(),
                e.prevHash());
    }
}
