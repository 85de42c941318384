package org.redress.server.web;

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

    private ProblemResponses() {
    }

    public static void write(HttpServletResponse response, HttpStatus status, URI type, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"" + json(type.toString()) + "\",\"title\":\""
                + json(status.getReasonPhrase()) + "\",\"status\":" + status.value() + ",\"detail\":\"" + json(detail)
                + "\"}");
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
