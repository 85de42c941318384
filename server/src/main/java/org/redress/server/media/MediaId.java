package org.redress.server.media;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stored image's id: the lowercase hex HMAC-SHA256 of its bytes under the media naming key.
 * Equal bytes give equal ids (content addressing), yet without the key nobody can compute the id
 * of an image they hold, so an id or a file name confirms nothing.
 */
public record MediaId(String value) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    /** @throws IllegalArgumentException unless the value is 64 lowercase hex digits */
    public MediaId {
        Objects.requireNonNull(value, "value");
        if (!HEX.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a media id is 64 lowercase hex digits, got " + value.length() + " characters");
        }
    }
}
