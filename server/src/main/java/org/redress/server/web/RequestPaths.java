package org.redress.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.web.util.UriUtils;

/**
 * The path of a request as routing sees it, for filters that decide by path before routing. The raw
 * request URI differs from the routed path in ways an attacker controls ({@code /api/v1/%72eports},
 * {@code /api/v1/reports;x=1}, {@code //api/v1/reports}, {@code /api/v1/reports/}), so a filter that
 * compares raw URIs can be walked around. This form removes {@code ;} parameters from every segment,
 * decodes percent-escapes, merges repeated slashes and drops a trailing slash. It is lower-cased as
 * well, so a guard written in lower case also covers case variants (routing itself is case-sensitive,
 * so guarding more paths never lets a request through that routing would accept).
 */
public final class RequestPaths {

    private RequestPaths() {}

    /** The normalised path within the application; see the class comment. */
    public static String normalised(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (!context.isEmpty() && uri.startsWith(context)) {
            uri = uri.substring(context.length());
        }
        return normalised(uri);
    }

    /** The normalised form of a raw request path; see the class comment. */
    public static String normalised(String rawPath) {
        var path = new StringBuilder();
        for (String segment : rawPath.split("/", -1)) {
            int parameters = segment.indexOf(';');
            String name = parameters < 0 ? segment : segment.substring(0, parameters);
            String decoded = decode(name);
            if (!decoded.isEmpty()) {
                path.append('/').append(decoded);
            }
        }
        String result = path.isEmpty() ? "/" : path.toString();
        // A decoded segment may itself hold slashes (%2F): merge again.
        return result.replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
    }

    private static String decode(String segment) {
        try {
            return UriUtils.decode(segment, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A malformed escape: the container refuses the request anyway; compare it as written.
            return segment;
        }
    }
}
