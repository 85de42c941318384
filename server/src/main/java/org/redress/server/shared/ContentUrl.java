package org.redress.server.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A public URL of content, in the one normal form that both the platform's checks ({@code urls})
 * and reporters' locators are kept in, so that the two meet (docs/adr/0029):
 *
 * <ul>
 *   <li>surrounding space is dropped; only absolute {@code http} and {@code https} URLs with a host
 *       are URLs (anything else is not);
 *   <li>the scheme and the host are lower-cased, and a trailing dot of the host is dropped; a host
 *       outside ASCII is taken in its ASCII (punycode) form only;
 *   <li>the default port (80 for http, 443 for https) is dropped, any other kept;
 *   <li>user name and password are dropped (they are never part of a public address);
 *   <li>an empty path becomes {@code /}, and {@code .} and {@code ..} segments are resolved;
 *   <li>in the path and the query, percent-escapes take upper-case hex digits, and an escaped
 *       unreserved character (letters, digits, {@code - . _ ~}) is written plainly;
 *   <li>an empty query ({@code ?} alone) and the fragment ({@code #...}) are dropped;
 *   <li>the path and the query keep their case and their order: they may mean different content.
 * </ul>
 *
 * @param value the normal form, at most {@value #MAX_LENGTH} characters
 */
public record ContentUrl(String value) {

    public static final int MAX_LENGTH = 2048;

    public ContentUrl {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a content URL has 1 to " + MAX_LENGTH + " characters");
        }
    }

    /** The URL's normal form, or empty when the text is not an absolute http(s) URL with a host. */
    public static Optional<ContentUrl> parse(String text) {
        String typed = text.strip();
        if (typed.isEmpty() || typed.length() > MAX_LENGTH || typed.chars().anyMatch(ContentUrl::forbidden)) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(typed);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.isOpaque() || uri.getHost() == null) {
            return Optional.empty();
        }
        Optional<String> host = host(uri.getHost());
        if (host.isEmpty()) {
            return Optional.empty();
        }
        var normal =
                new StringBuilder(typed.length()).append(scheme).append("://").append(host.get());
        int port = uri.getPort();
        if (port != -1 && !(scheme.equals("http") && port == 80) && !(scheme.equals("https") && port == 443)) {
            normal.append(':').append(port);
        }
        String path = uri.normalize().getRawPath();
        normal.append(path == null || path.isEmpty() ? "/" : escapes(path));
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            normal.append('?').append(escapes(query));
        }
        if (normal.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(new ContentUrl(normal.toString()));
    }

    private static boolean forbidden(int c) {
        return Character.isISOControl(c) || Character.isWhitespace(c);
    }

    private static Optional<String> host(String raw) {
        String host = raw.toLowerCase(Locale.ROOT);
        if (host.endsWith(".") && host.length() > 1) {
            host = host.substring(0, host.length() - 1);
        }
        return host.isEmpty() ? Optional.empty() : Optional.of(host);
    }

    /** Upper-case hex in every escape; escaped unreserved characters written plainly. */
    private static String escapes(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        var out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) && hex(raw.charAt(i + 2))) {
                char decoded = (char) Integer.parseInt(raw.substring(i + 1, i + 3), 16);
                if (unreserved(decoded)) {
                    out.append(decoded);
                } else {
                    out.append('%').append(raw.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    @Override
    public String toString() {
        return value;
    }
}
