package org.redress.server.identity;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.redress.server.storage.DerivedKeys;
import org.springframework.stereotype.Component;

/**
 * Signed tokens for {@link PublicForm} forms, kept in the form itself instead of a session: the
 * time the form was shown, authenticated with a key derived from the data key, so every replica
 * accepts the forms of every other and a restart loses nothing. A token is good for
 * {@link #LIFETIME}; a form open longer is given back with its answers and a fresh token.
 */
@Component
public final class PublicForms {

    /** The name of the form field that carries the token. */
    public static final String FIELD = "_form";

    /** Long enough for a person to stop, think and come back to a half-filled report. */
    public static final Duration LIFETIME = Duration.ofHours(24);

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int MAC_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;

    PublicForms(DerivedKeys keys, Clock clock) {
        this.key = new SecretKeySpec(keys.derive("public-forms.v1"), ALGORITHM);
        this.clock = clock;
    }

    /** A token for a form shown now. */
    public String issue() {
        long shownAt = clock.instant().getEpochSecond();
        byte[] token = ByteBuffer.allocate(8 + MAC_BYTES)
                .putLong(shownAt)
                .put(mac(shownAt))
                .array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** Whether the token was issued here, within its lifetime. */
    public boolean valid(@Nullable String token) {
        if (token == null || token.length() > 64) {
            return false;
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (bytes.length != 8 + MAC_BYTES) {
            return false;
        }
        long shownAt = ByteBuffer.wrap(bytes).getLong();
        if (!MessageDigest.isEqual(mac(shownAt), Arrays.copyOfRange(bytes, 8, bytes.length))) {
            return false;
        }
        Instant now = clock.instant();
        Instant shown = Instant.ofEpochSecond(shownAt);
        return !shown.isAfter(now.plus(CLOCK_SKEW)) && !shown.plus(LIFETIME).isBefore(now);
    }

    private byte[] mac(long shownAt) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Arrays.copyOf(
                    mac.doFinal(ByteBuffer.allocate(8).putLong(shownAt).array()), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
