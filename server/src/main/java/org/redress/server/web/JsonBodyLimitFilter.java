package org.redress.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every JSON request body before it is parsed: at the {@link JsonBodyLimit} a module declares
 * for one of its paths (matching's upload check holds a few hashes and ids, so 64 KiB is plenty
 * there), else at {@code redress.web.max-json-bytes} (default 1 MiB). A declared length over the
 * cap is refused at once; a body without one (chunked) is read up to the cap and refused beyond it.
 * Image uploads (multipart) and hash-list imports (text, CSV, JSON Lines) have limits of their own.
 *
 * <p>The body is also refused ({@code 400}) when a string in it holds a NUL character, raw or
 * escaped: PostgreSQL cannot store one in text, so it would fail or be lost later, far from the
 * request that brought it. Malformed and overlong UTF-8 is refused by the JSON parser itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class JsonBodyLimitFilter extends OncePerRequestFilter {

    private final java.util.Map<String, Long> limitsByPath;
    private final long maxJsonBytes;

    JsonBodyLimitFilter(
            java.util.List<JsonBodyLimit> limits, @Value("${redress.web.max-json-bytes:1048576}") long maxJsonBytes) {
        if (maxJsonBytes < 1) {
            throw new IllegalArgumentException("JSON body limits must be positive");
        }
        this.limitsByPath = limits.stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(
                        limit -> RequestPaths.normalised(limit.path()), JsonBodyLimit::maxBytes, Math::min));
        this.maxJsonBytes = maxJsonBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return true;
        }
        String media = type.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
        return !(media.equals("application/json") || media.endsWith("+json"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitsByPath.getOrDefault(RequestPaths.normalised(request), maxJsonBytes);
        long length = request.getContentLengthLong();
        if (length > limit) {
            tooLarge(response);
            return;
        }
        var buffered = BufferedBodyRequest.read(request, limit);
        if (buffered.isEmpty()) {
            tooLarge(response);
            return;
        }
        if (TextInput.jsonHoldsNul(buffered.get().body())) {
            TextInput.refuse(buffered.get(), response);
            return;
        }
        chain.doFilter(buffered.get(), response);
    }

    private static void tooLarge(HttpServletResponse response) throws IOException {
        ProblemResponses.write(
                response, HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "The request is too large.");
    }
}
