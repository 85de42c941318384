package org.redress.server.intake.cases;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.redress.server.intake.NewReport;

/**
 * The secret that opens one reporter's view of a case: 256 random bits, shown once in the receipt
 * and stored only as its SHA-256.
 */
public final class StatusToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private StatusToken() {}

    public static String generate() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** The stored form; a token of the wrong shape hashes too, so it simply finds nothing. */
    public static String hash(String token) {
        return NewReport.sha256Hex("intake-status-token\u0000" + token);
    }

    public static boolean wellFormed(String token) {
        return SHAPE.matcher(token).matches();
    }
}
