package org.redress.server.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.PublicForm;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The cross-site half of the protection of {@link PublicForm} forms, which carry no session CSRF
 * token: a form sent from another site is refused before its handler runs. Browsers say where a
 * request comes from in {@code Sec-Fetch-Site} and {@code Origin}; {@code Origin} is {@code null}
 * under the pages' no-referrer policy and then proves nothing either way.
 */
final class PublicFormOrigin extends OncePerRequestFilter {

    private static final Set<String> SAME_SITE_FETCHES = Set.of("same-origin", "none");

    private static final String REFUSED = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Not sent · Redress</title></head>
            <body><main><h1>Your form was not sent</h1>
            <p>It was sent by another website, so we did not take it. Nothing was saved.</p>
            <p>Open the form on this site and send it again: <a href="/">start again</a>.</p>
            </main></body></html>
            """;

    private final EndpointRules rules;
    private final Optional<String> publicOrigin;

    PublicFormOrigin(EndpointRules rules, String publicUrl) {
        this.rules = rules;
        this.publicOrigin = originOf(publicUrl);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (rules.isPublicForm(request) && fromAnotherSite(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getOutputStream().write(REFUSED.getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean fromAnotherSite(HttpServletRequest request) {
        String fetch = request.getHeader("Sec-Fetch-Site");
        if (fetch != null && !SAME_SITE_FETCHES.contains(fetch.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            return false;
        }
        String own = request.getScheme() + "://" + request.getServerName() + portSuffix(request);
        return !origin.equalsIgnoreCase(own)
                && publicOrigin.map(p -> !p.equalsIgnoreCase(origin)).orElse(true);
    }

    private static String portSuffix(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean usual = ("http".equals(request.getScheme()) && port == 80)
                || ("https".equals(request.getScheme()) && port == 443);
        return usual ? "" : ":" + port;
    }

    private static Optional<String> originOf(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri = URI.create(url.strip());
        if (uri.getScheme() == null || uri.getHost() == null) {
            return Optional.empty();
        }
        return Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    }
}
