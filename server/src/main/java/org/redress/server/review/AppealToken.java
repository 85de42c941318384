package org.redress.server.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in an appeal link: 256 random bits that open the hosted appeal page for one content
 * item of one decision. Only its SHA-256 is stored, so the database alone opens no appeal.
 */
final class AppealToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AppealToken() {}

    static String generate() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** The stored form; any text hashes, so a wrong or malformed token simply finds nothing. */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("review-appeal-token\u0000" + token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
