package org.redress.server.intake.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.redress.server.web.ProblemResponses;
import org.redress.server.web.ProblemTypes;
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
 * within {@code redress.intake.window} (default 10 minutes) are answered {@code 429}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PublicSubmissionFilter extends OncePerRequestFilter {

    static final URI TOO_MANY_REQUESTS = URI.create("/problems/too-many-requests");

    private static final Set<String> PUBLIC_SUBMISSIONS = Set.of("/api/v1/reports", "/api/v1/hash-submissions", "/report");

    private final long maxBodyBytes;
    private final SubmissionLimits limits;

    PublicSubmissionFilter(@Value("${redress.intake.max-body-bytes:65536}") long maxBodyBytes,
            @Value("${redress.intake.submissions-per-window:120}") int perWindow,
            @Value("${redress.intake.window:PT10M}") Duration window, Clock clock) {
        this.maxBodyBytes = maxBodyBytes;
        this.limits = new SubmissionLimits(perWindow, window, 100_000, clock);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !isGuarded(request.getRequestURI());
    }

    private static boolean isGuarded(String path) {
        return PUBLIC_SUBMISSIONS.contains(path) || (path.startsWith("/api/v1/reports/") || path.startsWith("/status/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBodyBytes || (length < 0 && request.getHeader("Transfer-Encoding") != null)) {
            ProblemResponses.write(response, HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
                    "The request is too large.");
            return;
        }
        if (PUBLIC_SUBMISSIONS.contains(request.getRequestURI()) && !limits.tryAcquire(request.getRemoteAddr())) {
            response.setHeader("Retry-After", "600");
            ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_REQUESTS,
                    "Too many submissions from this address; try again later.");
            return;
        }
        chain.doFilter(request, response);
    }
}
