package org.redress.server.matching.video;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** A video is over one of the limits that are checked before it is decoded, or took too long. */
public class VideoOverLimitException extends DomainException {

    private static final long serialVersionUID = 1L;

    public static final URI TYPE = URI.create("/problems/video-over-limit");

    /** Which limit a video passed. */
    public enum Limit {
        BYTES("bytes", "The video file is larger than the limit."),
        DURATION("duration", "The video is longer than the limit."),
        RESOLUTION("resolution", "The video's frames have more pixels than the limit."),
        FRAMES("frames", "The video has more frames than the limit."),
        DECODE_TIME("decode-time", "Decoding the video took longer than the limit.");

        private final String wireName;
        private final String detail;

        Limit(String wireName, String detail) {
            this.wireName = wireName;
            this.detail = detail;
        }
    }

    /**
     * @param maximum the limit in its unit: bytes, seconds, pixels (width times height), frames or
     *     seconds of decoding
     */
    public VideoOverLimitException(Limit limit, long maximum) {
        super(TYPE, Kind.INVALID, limit.detail, Map.of("limit", limit.wireName, "maximum", Long.toString(maximum)));
    }
}
