package org.redress.server.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * What identifies reported content: a URL or a platform content id. Normalised so that two
 * reports naming the same content join one case: surrounding space is dropped, and in an http(s)
 * URL the scheme and host are lower-cased and the fragment removed.
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

    /** Normalises what a reporter typed. */
    public static ContentLocator of(String typed) {
        String text = typed.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            try {
                URI uri = new URI(text);
                if (uri.getHost() != null) {
                    URI normal = new URI(
                            uri.getScheme().toLowerCase(Locale.ROOT),
                            uri.getRawUserInfo() == null ? null : uri.getUserInfo(),
                            uri.getHost().toLowerCase(Locale.ROOT),
                            uri.getPort(),
                            uri.getPath(),
                            uri.getQuery(),
                            null);
                    text = normal.toString();
                }
            } catch (URISyntaxException e) {
                // Not a well-formed URL: kept as typed, still a usable locator.
            }
        }
        return new ContentLocator(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
