package org.redress.server.intake;

import java.util.Objects;
import java.util.Optional;
import org.redress.server.shared.ContentUrl;

/**
 * What identifies reported content: a URL or a platform content id. Normalised so that two
 * reports naming the same content join one case, and so that a URL meets the same URL registered
 * by the platform's check: surrounding space is dropped, and an http(s) URL takes the normal form
 * of {@link ContentUrl} (scheme and host lower-cased, default port, user and fragment dropped).
 *
 * @param value the normalised locator, 1 to 2048 characters without control characters
 */
public record ContentLocator(String value) {

    public static final int MAX_LENGTH = 2048;

    /** @throws IllegalArgumentException when the value is blank, too long or has control characters */
    public ContentLocator {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "a content locator has 1 to " + MAX_LENGTH + " characters; got " + value.length());
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a content locator has no control characters");
        }
    }

    /**
     * Normalises what a reporter typed: surrounding space is dropped, and a text that is an http(s)
     * URL takes the normal form of {@link ContentUrl} (the one the platform's checks register URLs in).
     */
    public static ContentLocator of(String typed) {
        String text = typed.strip();
        return new ContentLocator(ContentUrl.parse(text).map(ContentUrl::value).orElse(text));
    }

    /** The locator as a URL, when it is one; otherwise it is taken for a platform content id. */
    public Optional<ContentUrl> url() {
        return ContentUrl.parse(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
