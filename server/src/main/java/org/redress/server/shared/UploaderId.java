package org.redress.server.shared;

import java.util.Objects;

/**
 * The platform's id for the account that uploaded content. Matching registers it with each upload
 * check, review counts confirmed removals against it and enforcement asks the platform to suspend
 * it. It identifies a person's account, so it is never printed: {@link #toString()} redacts it.
 *
 * @param value 1 to {@value #MAX_LENGTH} characters, not blank
 */
public record UploaderId(String value) {

    /** The longest uploader id any module accepts. */
    public static final int MAX_LENGTH = 200;

    /** @throws IllegalArgumentException when the value is blank or longer than {@value #MAX_LENGTH} */
    public UploaderId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "an uploader id has 1 to " + MAX_LENGTH + " characters; got " + value.length());
        }
    }

    @Override
    public String toString() {
        return "UploaderId[redacted]";
    }
}
