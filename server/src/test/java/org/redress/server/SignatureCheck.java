package org.redress.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * What a platform's receiver does with {@code Redress-Signature}, written from the interface
 * description and independently of the service's signing code: parse {@code t} and {@code v1},
 * refuse a timestamp too far from now, recompute the HMAC over {@code "<t>.<raw body>"} and compare
 * in constant time.
 */
public final class SignatureCheck {

    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private SignatureCheck() {}

    /** Whether the header signs the body under the secret with a timestamp within {@link #TOLERANCE} of now. */
    public static boolean verify(String secret, @Nullable String header, byte[] body, Instant now) {
        if (header == null) {
            return false;
        }
        Long t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                try {
                    t = Long.parseLong(part.substring(2));
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        if (t == null || v1 == null) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(t), now).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            byte[] presented;
            try {
                presented = HexFormat.of().parseHex(v1);
            } catch (IllegalArgumentException e) {
                return false;
            }
            return MessageDigest.isEqual(expected, presented);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
