package org.redress.server.matching.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.redress.pdq.Fingerprint;
import org.redress.pdq.GreyPixels;
import org.redress.pdq.PdqHash;
import org.redress.pdq.PdqHasher;
import org.redress.server.matching.EntryHashes;
import org.redress.server.matching.MatchingUnavailableException;
import org.springframework.stereotype.Component;

/**
 * Hashes an uploaded video (docs/adr/0028): MD5 and SHA-256 of the file, then, from a temporary
 * file that is always deleted, {@code ffprobe}'s account checked against every limit, then one PDQ
 * hash per sampled frame. The bytes are never stored.
 */
@Component
public class VideoHashing {

    /**
     * Frames are scaled to this many pixels a side before hashing, whatever their shape: PDQ reduces
     * every picture to 64 by 64, so a fixed size costs no match and bounds the memory per frame.
     */
    static final int FRAME_SIDE = 512;

    private final VideoSettings settings;
    private final FfmpegPrograms programs;
    private final Semaphore decoding;

    VideoHashing(VideoSettings settings) {
        this.settings = settings;
        this.programs = new FfmpegPrograms(settings);
        this.decoding = new Semaphore(settings.concurrency());
    }

    /**
     * @throws VideoOverLimitException over a limit (checked before decoding) or the time limit
     * @throws UndecodableVideoException when the file is no video the programs read
     * @throws VideoDecoderMissingException when ffprobe or ffmpeg cannot be started
     * @throws MatchingUnavailableException when as many videos as allowed are being decoded already
     */
    public HashedVideo hash(byte[] video) {
        if (video.length > settings.maxBytes().toBytes()) {
            throw new VideoOverLimitException(
                    VideoOverLimitException.Limit.BYTES, settings.maxBytes().toBytes());
        }
        if (video.length == 0) {
            throw new UndecodableVideoException(UndecodableVideoException.Reason.UNREADABLE);
        }
        var digests = new EntryHashes(
                Optional.empty(), Optional.of(digest("MD5", video)), Optional.of(digest("SHA-256", video)));
        if (!decoding.tryAcquire()) {
            throw new MatchingUnavailableException("too many videos are being decoded");
        }
        Path file = null;
        try {
            file = temporaryFile();
            Files.write(file, video);
            List<Fingerprint> sampled = framesOf(file);
            List<PdqHash> kept = sampled.stream()
                    .filter(frame -> frame.quality().value() >= settings.frameQualityFloor())
                    .map(Fingerprint::hash)
                    .toList();
            return new HashedVideo(digests, kept, sampled.size());
        } catch (IOException e) {
            throw new UncheckedIOException("writing a video to a temporary file failed", e);
        } finally {
            decoding.release();
            deleteQuietly(file);
        }
    }

    private List<Fingerprint> framesOf(Path file) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        VideoProbe probe = VideoProbe.parse(programs.probe(file, deadline));
        if (probe.duration().compareTo(settings.maxDuration()) > 0) {
            throw new VideoOverLimitException(
                    VideoOverLimitException.Limit.DURATION,
                    settings.maxDuration().toSeconds());
        }
        if (probe.pixels() > settings.maxFramePixels()) {
            throw new VideoOverLimitException(VideoOverLimitException.Limit.RESOLUTION, settings.maxFramePixels());
        }
        if (probe.frames().orElse(0L) > settings.maxFrames()) {
            throw new VideoOverLimitException(VideoOverLimitException.Limit.FRAMES, settings.maxFrames());
        }
        // A container may understate its duration: decoding stops a little past what it stated.
        long expected = (long) Math.ceil(probe.duration().toMillis() / 1000.0 * settings.framesPerSecond()) + 2;
        PdqHasher hasher = PdqHasher.create();
        List<Fingerprint> frames = new ArrayList<>();
        programs.frames(
                file,
                FRAME_SIDE,
                expected,
                deadline,
                grey -> frames.add(hasher.hash(GreyPixels.copyOf(FRAME_SIDE, FRAME_SIDE, grey))));
        return frames;
    }

    private Path temporaryFile() throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(
                    "redress-video-",
                    ".upload",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile("redress-video-", ".upload");
    }

    private static void deleteQuietly(@org.jspecify.annotations.Nullable Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The system's temporary directory is cleaned eventually; the check's answer stands.
        }
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }
}
