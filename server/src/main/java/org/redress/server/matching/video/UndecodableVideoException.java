package org.redress.server.matching.video;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** An uploaded video could not be read; the reason is one of a few fixed words. */
public class UndecodableVideoException extends DomainException {

    private static final long serialVersionUID = 1L;

    public static final URI TYPE = URI.create("/problems/video-undecodable");

    /** Why a video could not be read. */
    public enum Reason {
        /** ffprobe found no container it accepts, or the file is damaged. */
        UNREADABLE,
        /** The container holds no video stream. */
        NO_VIDEO_STREAM,
        /** The container states no duration, so the duration limit cannot be checked first. */
        NO_DURATION,
        /** ffmpeg failed while decoding, or gave no frame. */
        CORRUPT;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public UndecodableVideoException(Reason reason) {
        super(TYPE, Kind.INVALID, "The video could not be decoded.", Map.of("reason", reason.wireName()));
    }
}
