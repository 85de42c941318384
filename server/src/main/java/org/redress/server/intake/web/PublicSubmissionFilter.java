package org.redress.server.intake.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.redress.server.storage.RateLimits;
import org.redress.server.web.BufferedBodyRequest;
import org.redress.server.web.ProblemResponses;
import org.redress.server.web.ProblemTypes;
import org.redress.server.web.RequestPaths;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the public submission endpoints before anything else runs: a body larger than
 * {@code redress.intake.max-body-bytes} (default 64 KiB; a report or a hundred hashes is far less,
 * and no image is ever accepted) is answered {@code 413}, and more than
 * {@code redress.intake.submissions-per-window} submissions (default 120) from one client address
 * within {@code redress.intake.window} (default 10 minutes) are answered {@code 429}. The count is
 * kept in the database ({@link RateLimits}), so replicas on one database enforce one limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PublicSubmissionFilter extends OncePerRequestFilter {

    static final URI TOO_MANY_REQUESTS = URI.create("/problems/too-many-requests");

    static final URI LENGTH_REQUIRED = URI.create("/problems/length-required");

    private static final Set<String> PUBLIC_SUBMISSIONS =
            Set.of("/api/v1/reports", "/api/v1/hash-submissions", "/report");

    private final long maxBodyBytes;
    private final RateLimits.Limit limits;

    PublicSubmissionFilter(
            @Value("${redress.intake.max-body-bytes:65536}") long maxBodyBytes,
            @Value("${redress.intake.submissions-per-window:120}") int perWindow,
            @Value("${redress.intake.window:PT10M}") Duration window,
            RateLimits rateLimits) {
        this.maxBodyBytes = maxBodyBytes;
        this.limits = rateLimits.limit("intake.submissions", perWindow, window);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equalsIgnoreCase(request.getMethod()) || !isGuarded(RequestPaths.normalised(request));
    }

    private static boolean isGuarded(String path) {
        return PUBLIC_SUBMISSIONS.contains(path)
                || (path.startsWith("/api/v1/reports/") || path.startsWith("/status/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBodyBytes) {
            if (isPageForm(request)) {
                formRefused(response, HttpStatus.CONTENT_TOO_LARGE, TOO_LONG);
                return;
            }
            tooLarge(request, response);
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            // Without a declared length the body is judged by what it holds: read up to the limit.
            if (isForm(request)) {
                // The container parses form fields from its own stream; browsers always declare a
                // form's length, so a form without one is refused rather than parsed twice.
                ProblemResponses.write(
                        request,
                        response,
                        HttpStatus.LENGTH_REQUIRED,
                        LENGTH_REQUIRED,
                        "Send the form with a Content-Length.");
                return;
            }
            var buffered = BufferedBodyRequest.read(request, maxBodyBytes);
            if (buffered.isEmpty()) {
                tooLarge(request, response);
                return;
            }
            request = buffered.get();
        }
        if (PUBLIC_SUBMISSIONS.contains(RequestPaths.normalised(request)) && !withinLimit(request.getRemoteAddr())) {
            response.setHeader("Retry-After", "600");
            if (isPageForm(request)) {
                formRefused(response, HttpStatus.TOO_MANY_REQUESTS, TOO_MANY);
                return;
            }
            ProblemResponses.write(
                    request,
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    TOO_MANY_REQUESTS,
                    "Too many submissions from this address; try again later.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** A form a person sent from a page (not an API call): it is answered with a page, never JSON. */
    private static boolean isPageForm(HttpServletRequest request) {
        return isForm(request) && !RequestPaths.normalised(request).startsWith("/api/");
    }

    private static final String TOO_LONG = "It is longer than a report can be. Press your browser's Back button: your "
            + "answers are still in the form. Shorten the description (at most 5,000 characters) and send again.";

    private static final String TOO_MANY = "Too many reports came from your connection in a short time. Press your "
            + "browser's Back button: your answers are still in the form. Wait ten minutes, then send again.";

    private static void formRefused(HttpServletResponse response, HttpStatus status, String explanation)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Not sent yet · Redress</title></head><body><main><h1 id=\"not-sent\">Not sent yet</h1><p>"
                + explanation + "</p></main></body></html>";
        response.getOutputStream().write(page.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemResponses.write(
                request,
                response,
                HttpStatus.CONTENT_TOO_LARGE,
                ProblemTypes.PAYLOAD_TOO_LARGE,
                "The request is too large.");
    }

    /**
     * Counts the submission against its address's limit. While the database is out of reach the
     * count cannot be kept, and neither can the submission: it goes on, so that the route answers
     * the outage as it does for everyone (503 with the person's form given back, or the problem
     * document), instead of this filter failing with an error page that loses the answers.
     */
    private boolean withinLimit(String address) {
        try {
            return limits.tryAcquire(address, 1);
        } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
            return true;
        }
    }
}
