package org.redress.server.review.cases;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The removal count of an uploader is kept under a keyed pseudonym (HMAC-SHA256 under a key derived
 * from the data key), not the platform's user id: the count only needs equality, and whoever reads
 * the database cannot tell whose count it is. Thread-safe.
 */
final class UploaderPseudonyms {

    static final String PURPOSE = "review.uploader-pseudonym.v1";
    static final String PREFIX = "p1:";

    private final SecretKeySpec key;

    UploaderPseudonyms(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    String of(String uploaderId) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(uploaderId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
