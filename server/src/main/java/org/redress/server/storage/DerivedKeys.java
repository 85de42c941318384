package org.redress.server.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Separate 32-byte keys for separate purposes, all derived from the one data key the operator
 * provides ({@code REDRESS_DATA_KEY}, or the generated {@code <data>/data-key}), so there is still
 * only one secret to keep. Derivation is HKDF-SHA256 (RFC 5869) with a fixed salt and the purpose
 * as the info string: a key derived for one purpose tells nothing about the data key or about the
 * keys of other purposes. Thread-safe.
 */
public final class DerivedKeys {

    /** Fixed salt: the data key is already uniformly random, the salt only separates this scheme. */
    private static final byte[] SALT = "redress derived keys v1".getBytes(StandardCharsets.US_ASCII);

    private final byte[] pseudoRandomKey;

    public DerivedKeys(byte[] dataKey) {
        if (dataKey.length != FieldCipher.KEY_BYTES) {
            throw new IllegalArgumentException(
                    "data key must be " + FieldCipher.KEY_BYTES + " bytes, got " + dataKey.length);
        }
        this.pseudoRandomKey = hmac(SALT, dataKey);
    }

    /**
     * The key for a purpose, such as {@code media.encryption.v1}. A new purpose string gives an
     * unrelated key; changing an existing one makes everything sealed under it unreadable.
     */
    public byte[] derive(String purpose) {
        if (purpose.isBlank()) {
            throw new IllegalArgumentException("purpose must not be blank");
        }
        return expand(pseudoRandomKey, purpose.getBytes(StandardCharsets.UTF_8));
    }

    /** HKDF-Extract then the first 32 bytes of HKDF-Expand; package-private for the RFC's test vectors. */
    static byte[] hkdf(byte[] salt, byte[] inputKey, byte[] info) {
        return expand(hmac(salt, inputKey), info);
    }

    /** One HMAC block gives 32 bytes, all we ever need: T(1) = HMAC(PRK, info || 0x01). */
    private static byte[] expand(byte[] prk, byte[] info) {
        byte[] message = Arrays.copyOf(info, info.length + 1);
        message[info.length] = 1;
        return hmac(prk, message);
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "DerivedKeys[HKDF-SHA256]";
    }
}
