package org.redress.server.matching.video;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Video checks' settings, under {@code redress.matching.video} (docs/adr/0028). Every limit is
 * enforced from {@code ffprobe}'s answer before a frame is decoded. A setting out of range fails
 * the start; nothing is clamped.
 *
 * @param ffmpeg the {@code ffmpeg} program (a name on the path or a file)
 * @param ffprobe the {@code ffprobe} program
 * @param maxBytes the largest video file; the multipart limit
 *     ({@code spring.servlet.multipart.max-file-size}, 16 MB) caps it too
 * @param maxDuration the longest video
 * @param maxFramePixels the most pixels (width times height) of a frame: 4K UHD by default
 * @param maxFrames the most frames the video may hold (as its container says, else its duration
 *     times its frame rate)
 * @param framesPerSecond how many frames a second are hashed
 * @param timeout how long reading and decoding one video may take before the programs are killed
 * @param frameQualityFloor frames whose PDQ quality is under this say too little (a black or flat
 *     frame) and are left out
 * @param queryShare the least share of a checked video's distinct frame hashes that must match the
 *     banked video's for a match
 * @param bankedShare the least share of the banked video's distinct frame hashes that the checked
 *     video must match
 * @param concurrency how many videos may be decoding at once; the next check is answered 503
 * @param containers the container formats (ffmpeg demuxer names) a video may come in
 */
@Validated
@ConfigurationProperties("redress.matching.video")
public record VideoSettings(
        @DefaultValue("ffmpeg") @NotBlank String ffmpeg,
        @DefaultValue("ffprobe") @NotBlank String ffprobe,
        @DefaultValue("16MB") @NotNull DataSize maxBytes,
        @DefaultValue("10m") @NotNull Duration maxDuration,
        @DefaultValue("8294400") long maxFramePixels,
        @DefaultValue("36000") long maxFrames,
        @DefaultValue("1") int framesPerSecond,
        @DefaultValue("60s") @NotNull Duration timeout,
        @DefaultValue("50") int frameQualityFloor,
        @DefaultValue("0.5") double queryShare,
        @DefaultValue("0.5") double bankedShare,
        @DefaultValue("2") int concurrency,

        @DefaultValue({"mov", "matroska", "webm", "avi", "mpegts", "flv", "ogg"}) @NotNull
        List<String> containers) {

    /** Frames of one video are numbered within 20 bits where they are indexed. */
    static final int MAX_SAMPLED_FRAMES = 1 << 20;

    public VideoSettings {
        require(maxBytes.toBytes() > 0, "max-bytes must be positive");
        require(!maxDuration.isNegative() && !maxDuration.isZero(), "max-duration must be positive");
        require(maxFramePixels > 0, "max-frame-pixels must be positive");
        require(maxFrames > 0, "max-frames must be positive");
        require(framesPerSecond >= 1 && framesPerSecond <= 30, "frames-per-second must be 1 to 30");
        require(
                maxDuration.toSeconds() * framesPerSecond < MAX_SAMPLED_FRAMES,
                "max-duration times frames-per-second must stay under " + MAX_SAMPLED_FRAMES + " frames");
        require(!timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
        require(frameQualityFloor >= 0 && frameQualityFloor <= 100, "frame-quality-floor must be 0 to 100");
        require(queryShare > 0 && queryShare <= 1, "query-share must be above 0 and at most 1");
        require(bankedShare > 0 && bankedShare <= 1, "banked-share must be above 0 and at most 1");
        require(concurrency >= 1, "concurrency must be at least 1");
        containers = List.copyOf(containers);
        require(!containers.isEmpty(), "containers must name at least one format");
        require(
                containers.stream().allMatch(c -> c.matches("[a-z0-9_]+")),
                "containers are ffmpeg demuxer names (lower-case letters, digits, underscores)");
    }

    private static void require(boolean rule, String message) {
        if (!rule) {
            throw new IllegalArgumentException("redress.matching.video." + message);
        }
    }
}
