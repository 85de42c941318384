package org.redress.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash of an entry over a length-prefixed encoding of a version tag, the sequence number, the
 * instant (ISO-8601, UTC, milliseconds), the actor, the action, the object and the previous
 * entry's hash. Length prefixes make the encoding unambiguous whatever the fields contain; the
 * sequence number inside the hash makes reordering detectable.
 *
 * <p>Entries are keyed ({@code k1:} and an HMAC-SHA256 under a key derived from the data key, which
 * never lies in the database), so whoever can write the database cannot recompute the chain after
 * changing it. Entries written before keying was introduced carry a plain SHA-256 (64 hex digits,
 * version tag {@code redress-audit-v1}); they verify as such, but only before the first keyed entry.
 */
final class AuditChain {

    /** The previous hash of the first entry. */
    static final String GENESIS = "0".repeat(64);

    static final String KEYED_PREFIX = "k1:";

    private static final String UNKEYED_VERSION = "redress-audit-v1";
    private static final String KEYED_VERSION = "redress-audit-v2";

    private final byte[] key;

    AuditChain(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the audit key needs at least 32 bytes");
        }
        this.key = key.clone();
    }

    /** The keyed hash of a new entry. */
    String hash(
            long seq,
            Instant occurredAt,
            String actorKind,
            String actorId,
            String action,
            String objectType,
            String objectId,
            String prevHash) {
        byte[] encoded =
                encode(KEYED_VERSION, seq, occurredAt, actorKind, actorId, action, objectType, objectId, prevHash);
        return KEYED_PREFIX + HexFormat.of().formatHex(hmac(key, encoded));
    }

    /** Whether a stored entry matches its hash, keyed or (for old entries) plain. */
    boolean matches(AuditEntry e) {
        if (isKeyed(e)) {
            String expected = hash(
                    e.seq(),
                    e.occurredAt(),
                    e.actorKind(),
                    e.actorId(),
                    e.action(),
                    e.objectType(),
                    e.objectId(),
                    e.prevHash());
            return MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII), e.entryHash().getBytes(StandardCharsets.US_ASCII));
        }
        return unkeyedHash(e).equals(e.entryHash());
    }

    static boolean isKeyed(AuditEntry e) {
        return e.entryHash().startsWith(KEYED_PREFIX);
    }

    /** An HMAC-SHA256 under the given key, for anchors as well as entries. */
    static byte[] hmac(byte[] key, byte[] message) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private static String unkeyedHash(AuditEntry e) {
        byte[] encoded = encode(
                UNKEYED_VERSION,
                e.seq(),
                e.occurredAt(),
                e.actorKind(),
                e.actorId(),
                e.action(),
                e.objectType(),
                e.objectId(),
                e.prevHash());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("SHA-256 is unavailable", ex);
        }
    }

    private static byte[] encode(
            String version,
            long seq,
            Instant occurredAt,
            String actorKind,
            String actorId,
            String action,
            String objectType,
            String objectId,
            String prevHash) {
        var text = new StringBuilder(256);
        for (String field : new String[] {
            version,
            Long.toString(seq),
            occurredAt.toString(),
            actorKind,
            actorId,
            action,
            objectType,
            objectId,
            prevHash
        }) {
            text.append(field.getBytes(StandardCharsets.UTF_8).length)
                    .append(':')
                    .append(field)
                    .append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
