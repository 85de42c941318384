package org.redress.server.shared;

import java.util.Objects;

/**
 * The platform's id for a piece of content (an upload, a post's image), as the platform sends it
 * and as reporters name it. Matching registers and matches it, media keeps images under it, review
 * decides on it and enforcement asks the platform to act on it. Each of them may limit the length
 * further; its value is printed as is, since the audit log records it.
 *
 * @param value 1 to {@value #MAX_LENGTH} characters, not blank
 */
public record ContentId(String value) {

    /** The longest content id any module accepts: that of a content locator. */
    public static final int MAX_LENGTH = 2048;

    /** @throws IllegalArgumentException when the value is blank or longer than {@value #MAX_LENGTH} */
    public ContentId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "a content id has 1 to " + MAX_LENGTH + " characters; got " + value.length());
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
