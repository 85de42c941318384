package org.redress.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A checkpoint of the audit chain's head: its sequence number and hash, when it was taken, and an
 * HMAC-SHA256 over those under a key derived from the data key. One line of text, for the operator
 * to keep away from the database (a ticket, a write-once bucket, a printout).
 */
public record AuditAnchor(long seq, String entryHash, Instant takenAt, String signature) {

    private static final String VERSION = "redress-audit-anchor-v1";
    private static final Pattern LINE =
            Pattern.compile(VERSION + " seq=(\\d{1,18}) hash=(\\S{1,80}) at=(\\S{1,40}) sig=([0-9a-f]{64})");

    public AuditAnchor {
        if (seq < 0) {
            throw new IllegalArgumentException("an anchor's sequence number is not negative");
        }
    }

    static AuditAnchor sign(byte[] key, long seq, String entryHash, Instant takenAt) {
        return new AuditAnchor(seq, entryHash, takenAt, HexFormat.of().formatHex(mac(key, seq, entryHash, takenAt)));
    }

    boolean authenticUnder(byte[] key) {
        return MessageDigest.isEqual(
                mac(key, seq, entryHash, takenAt), HexFormat.of().parseHex(signature));
    }

    /** The one-line form that {@link #parse} reads. */
    public String line() {
        return VERSION + " seq=" + seq + " hash=" + entryHash + " at=" + takenAt + " sig=" + signature;
    }

    /** @throws IllegalArgumentException unless the text is one anchor line */
    public static AuditAnchor parse(String text) {
        var matcher = LINE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an audit anchor line");
        }
        try {
            return new AuditAnchor(
                    Long.parseLong(matcher.group(1)),
                    matcher.group(2),
                    Instant.parse(matcher.group(3)),
                    matcher.group(4));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an audit anchor line", e);
        }
    }

    private static byte[] mac(byte[] key, long seq, String entryHash, Instant takenAt) {
        String text = VERSION + "\n" + seq + "\n" + entryHash + "\n" + takenAt;
        return AuditChain.hmac(key, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return line();
    }
}
