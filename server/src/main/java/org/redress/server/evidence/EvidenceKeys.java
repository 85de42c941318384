package org.redress.server.evidence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 public keys as text: PEM ({@code -----BEGIN PUBLIC KEY-----}, the X.509
 * SubjectPublicKeyInfo that {@code openssl pkeyutl -pubin} reads) and a fingerprint, the SHA-256
 * of that DER encoding, for the operator to publish beside the key.
 */
public final class EvidenceKeys {

    public static final String ALGORITHM = "Ed25519";

    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private EvidenceKeys() {}

    /** The key as PEM, lines of 64 characters, ending with a newline. */
    public static String pem(PublicKey key) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return BEGIN + "\n" + base64 + "\n" + END + "\n";
    }

    /**
     * Reads an Ed25519 public key from PEM.
     *
     * @throws IllegalArgumentException when the text holds no Ed25519 public key
     */
    public static PublicKey fromPem(String pem) {
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("no PEM public key (" + BEGIN + ") found");
        }
        String body = pem.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
        try {
            return fromDer(Base64.getDecoder().decode(body));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM public key is not base64");
        }
    }

    static PublicKey fromDer(byte[] der) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (java.security.spec.InvalidKeySpecException e) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is unavailable", e);
        }
    }

    /** The SHA-256 of the key's DER encoding, in hex. */
    public static String fingerprint(PublicKey key) {
        return sha256Hex(key.getEncoded());
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-256", bytes));
    }

    static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is unavailable", e);
        }
    }
}
