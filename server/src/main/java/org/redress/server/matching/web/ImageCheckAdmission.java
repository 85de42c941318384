package org.redress.server.matching.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import org.redress.server.matching.check.UploadHashing;
import org.redress.server.web.ProblemResponses;
import org.redress.server.web.ProblemTypes;
import org.redress.server.web.RequestPaths;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admits an image check to the parsing of its body only while the decoder can take it: as many at
 * once as can be decoding or queued to decode ({@link UploadHashing#decodeCapacity()}); the next
 * is answered {@code 503} with {@code Retry-After} at once, from its headers alone.
 *
 * <p>Why before the body: parsing a multipart upload (a temporary file per part, a scan for the
 * boundary, a copy) costs about as much CPU as the JSON checks it competes with, and the decode
 * queue would refuse the image a moment later anyway. Refusing first leaves that CPU to the JSON
 * checks and the health probe (docs/bench/run-decode-pressure.sh). Runs after authentication (the
 * default filter order), so an unauthenticated request is a {@code 401} and takes no place; nothing
 * before it reads an API upload's body (the web module's parameter filter leaves it alone).
 * Other image routes (a bank's images, the staff pages) are rare and go through the decoder's own
 * queue only.
 */
@Component
class ImageCheckAdmission extends OncePerRequestFilter {

    private static final String CHECK_PATH = "/api/v1/checks";

    private final Semaphore places = new Semaphore(UploadHashing.decodeCapacity());

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod())
                || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                || !CHECK_PATH.equals(RequestPaths.normalised(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!places.tryAcquire()) {
            response.setHeader("Retry-After", "1");
            ProblemResponses.write(
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemTypes.UNAVAILABLE,
                    "Too many images are being checked; try again later.");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            places.release();
        }
    }
}
