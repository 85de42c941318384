package org.redress.server.matching.video;

import java.net.URI;

/**
 * The {@code ffprobe} or {@code ffmpeg} program cannot be started on this machine: video checks
 * answer {@code 501} until it is installed; image checks are not affected.
 */
public class VideoDecoderMissingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final URI TYPE = URI.create("/problems/video-unsupported");

    VideoDecoderMissingException(String program) {
        super(program + " cannot be started");
    }
}
