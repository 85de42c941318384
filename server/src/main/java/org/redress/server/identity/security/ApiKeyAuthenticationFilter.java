package org.redress.server.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.redress.server.identity.ApiKey;
import org.redress.server.identity.Identity;
import org.redress.server.web.ProblemResponses;
import org.redress.server.web.ProblemTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api-key>}. A presented key that is unknown or revoked
 * is answered 401 at once, even on endpoints open to anyone: a caller that sends a key means to use
 * it and must learn that it no longer works. Not a bean, so the servlet container does not run it
 * outside the API filter chain.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final Identity identity;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyAuthenticationFilter(Identity identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        var key = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? identity.authenticate(header.substring(BEARER.length()).strip())
                : java.util.Optional.<ApiKey>empty();
        if (key.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            ProblemResponses.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    ProblemTypes.UNAUTHENTICATED,
                    "The API key is unknown or revoked.");
            return;
        }
        var context = contexts.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(key.get(), identity.ownerOf(key.get())));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
