package org.redress.server.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The absolute URL the public reaches Redress at ({@code REDRESS_PUBLIC_URL}): every link Redress
 * sends out of the service (statements of reasons, appeal pages) is built from it, because a
 * relative link in a webhook or a message lands nowhere. Only on the embedded SQLite database, the
 * local setup of {@code ./redress serve}, may it be left out; links then point at
 * {@code http://localhost:<port>}. With PostgreSQL, the production database, a missing URL stops
 * the service from starting, and so does a relative one anywhere.
 *
 * @param base an absolute http or https URL with a host, without a trailing slash, query or fragment
 */
public record PublicUrl(URI base) {

    public PublicUrl {
        Objects.requireNonNull(base, "base");
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!base.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || base.getHost() == null) {
            throw new IllegalArgumentException(
                    "redress.public-url (REDRESS_PUBLIC_URL) must be an absolute http or https URL with a host");
        }
        if (base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new IllegalArgumentException("redress.public-url (REDRESS_PUBLIC_URL) takes no query or fragment");
        }
        String text = base.toString();
        if (text.endsWith("/")) {
            base = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /** @throws IllegalArgumentException unless the text is an absolute http or https URL */
    public static PublicUrl parse(String text) {
        try {
            return new PublicUrl(new URI(text.strip()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("redress.public-url (REDRESS_PUBLIC_URL) is not a URL", e);
        }
    }

    /**
     * The configured URL or, on the embedded SQLite database only, {@code http://localhost:<port>}.
     *
     * @param configured {@code redress.public-url}, possibly blank
     * @param databaseUrl {@code redress.db-url}; blank means the embedded SQLite database
     * @throws IllegalStateException when none is configured and the database is not the embedded one
     * @throws IllegalArgumentException when the configured one is not an absolute http or https URL
     */
    public static PublicUrl configuredOrLocal(@Nullable String configured, @Nullable String databaseUrl, int port) {
        if (configured != null && !configured.isBlank()) {
            return parse(configured);
        }
        boolean embedded = databaseUrl == null || databaseUrl.isBlank() || databaseUrl.startsWith("jdbc:sqlite:");
        if (!embedded) {
            throw new IllegalStateException("Set REDRESS_PUBLIC_URL (redress.public-url) to the absolute URL the "
                    + "public reaches this service at: links sent out of the service are built from it");
        }
        return new PublicUrl(URI.create("http://localhost:" + port));
    }

    /** The absolute URL of a path (and query) of this service; {@code pathAndQuery} starts with a slash. */
    public URI resolve(String pathAndQuery) {
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("a path starts with a slash");
        }
        return URI.create(base + pathAndQuery);
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
