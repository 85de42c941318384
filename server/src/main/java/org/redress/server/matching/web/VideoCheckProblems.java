package org.redress.server.matching.web;

import org.redress.server.matching.video.VideoDecoderMissingException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A video check on a machine without {@code ffprobe} or {@code ffmpeg} answers {@code 501}
 * {@code /problems/video-unsupported}: nothing the platform can change, and no retry helps until
 * an operator installs the programs. Ordered before the web module's advice, whose catch-all would
 * answer 500.
 */
@RestControllerAdvice(assignableTypes = MatchingApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class VideoCheckProblems {

    @ExceptionHandler(VideoDecoderMissingException.class)
    ResponseEntity<ProblemDetail> decoderMissing() {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_IMPLEMENTED, "This service cannot decode videos: ffmpeg is not installed.");
        problem.setType(VideoDecoderMissingException.TYPE);
        return ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED).body(problem);
    }
}
