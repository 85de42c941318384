package org.redress.server.identity.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API key secrets: {@code rdk_} and 43 base64url characters (256 random bits). Stored as SHA-256,
 * not with a slow password hash: a key has full entropy, so a fast hash resists guessing just as
 * well, and it lets each request find its key with one indexed lookup.
 */
public final class ApiKeySecrets {

    static final String PREFIX = "rdk_";
    private static final int SHOWN = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {}

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** The part of the key that lists may show. */
    public static String visiblePrefix(String secret) {
        return secret.substring(0, Math.min(SHOWN, secret.length()));
    }

    public static boolean looksLikeKey(String presented) {
        return presented.startsWith(PREFIX) && presented.length() == PREFIX.length() + 43;
    }
}
