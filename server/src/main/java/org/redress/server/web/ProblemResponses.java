package org.redress.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes a problem document from places outside Spring MVC (security filters), in the same shape
 * as {@link ProblemDetailsAdvice}. Only fixed sentences go in, so no escaping beyond quotes is needed.
 */
public final class ProblemResponses {

    private ProblemResponses() {}

    /** As {@link #write(HttpServletResponse, HttpStatus, URI, String)}, as a page for a page request. */
    public static void write(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type, String detail)
            throws IOException {
        if (!ProblemPages.wantsPage(request)) {
            write(response, status, type, detail);
            return;
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ProblemPages.html(status.value(), detail, request.getContextPath()));
    }

    public static void write(HttpServletResponse response, HttpStatus status, URI type, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json(type, status.value(), detail));
    }

    /** The problem document's text, for writers outside Spring MVC and outside servlets. */
    static String json(URI type, int status, String detail) {
        var reason = org.springframework.http.HttpStatus.resolve(status);
        String title = reason == null ? "Error" : reason.getReasonPhrase();
        return "{\"type\":\"" + json(type.toString()) + "\",\"title\":\"" + json(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + json(detail) + "\"}";
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
