package org.redress.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses ({@code 400}) a request whose query or form fields (page forms, multipart fields of a page
 * upload) hold a NUL character, for the reason {@link JsonBodyLimitFilter} gives.
 *
 * <p>A multipart request to the API is left to its handler, which checks its own text parts: reading
 * the fields here would parse the whole upload before authentication and before the image check's
 * admission (matching's ImageCheckAdmission), so any caller could make the service parse bodies.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class TextParameterFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null
                && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                && RequestPaths.normalised(request).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        java.util.Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException unreadable) {
            // A body the container cannot take apart (a multipart body over the limit or without a
            // boundary): the handler meets the same failure and answers it with its own problem.
            chain.doFilter(request, response);
            return;
        }
        for (String[] values : parameters.values()) {
            for (String value : values) {
                if (TextInput.holdsNul(value)) {
                    TextInput.refuse(request, response);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
