package org.redress.server.matching.video;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs {@code ffprobe} and {@code ffmpeg} as child processes: no shell (the arguments go to the
 * program as they are), the video from a file, nothing on standard input, error output discarded,
 * only the {@code file} protocol and the configured containers allowed (so that a playlist or a
 * concatenation inside an upload cannot make them open anything else), and killed when the
 * deadline passes.
 */
final class FfmpegPrograms {

    /** ffprobe's answer is a few lines; anything beyond this is not read. */
    private static final int MAX_PROBE_OUTPUT = 64 * 1024;

    /** Reads a program's standard output; returns false to stop early (the program is killed). */
    private interface OutputReader {
        boolean read(InputStream out) throws IOException;
    }

    /** How a run ended. */
    private record Outcome(int exit, boolean timedOut, boolean stoppedEarly) {}

    private final VideoSettings settings;

    FfmpegPrograms(VideoSettings settings) {
        this.settings = settings;
    }

    /**
     * ffprobe's {@code flat} answer on the first video stream and the container.
     *
     * @throws UndecodableVideoException when ffprobe reads no accepted container
     * @throws VideoOverLimitException when the deadline passes
     */
    String probe(Path video, long deadlineNanos) {
        List<String> command = new ArrayList<>(List.of(settings.ffprobe(), "-v", "error"));
        command.addAll(inputOptions());
        command.addAll(List.of(
                "-select_streams",
                "v:0",
                "-show_entries",
                "stream=width,height,nb_frames,avg_frame_rate,duration:format=duration",
                "-of",
                "flat",
                video.toString()));
        var answer = new ByteArrayOutputStream();
        Outcome outcome = run(command, deadlineNanos, out -> {
            answer.writeBytes(out.readNBytes(MAX_PROBE_OUTPUT));
            return true;
        });
        if (outcome.timedOut()) {
            throw new VideoOverLimitException(
                    VideoOverLimitException.Limit.DECODE_TIME,
                    settings.timeout().toSeconds());
        }
        if (outcome.exit() != 0) {
            throw new UndecodableVideoException(UndecodableVideoException.Reason.UNREADABLE);
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /**
     * Decodes the first video stream at the configured frames per second, each frame scaled to
     * {@code side} by {@code side} grey pixels (PDQ reduces every picture to 64 by 64 anyway), and
     * hands each frame over in order.
     *
     * @return how many frames were handed over
     * @throws UndecodableVideoException when decoding fails or gives no frame
     * @throws VideoOverLimitException over {@code maxFrames} sampled frames, or when the deadline passes
     */
    int frames(Path video, int side, long maxFrames, long deadlineNanos, Consumer<byte[]> frame) {
        List<String> command = new ArrayList<>(List.of(settings.ffmpeg(), "-nostdin", "-v", "error"));
        command.addAll(inputOptions());
        command.addAll(List.of(
                "-i",
                video.toString(),
                "-map",
                "0:v:0",
                "-an",
                "-sn",
                "-dn",
                "-vf",
                "fps=" + settings.framesPerSecond() + ",scale=" + side + ":" + side + ":flags=area",
                "-pix_fmt",
                "gray",
                "-f",
                "rawvideo",
                "pipe:1"));
        int[] count = {0};
        boolean[] partial = {false};
        Outcome outcome = run(command, deadlineNanos, out -> {
            byte[] buffer = new byte[side * side];
            while (true) {
                int read = out.readNBytes(buffer, 0, buffer.length);
                if (read < buffer.length) {
                    partial[0] = read > 0;
                    return true;
                }
                if (count[0] == maxFrames) {
                    return false;
                }
                count[0]++;
                frame.accept(buffer.clone());
            }
        });
        if (outcome.timedOut()) {
            throw new VideoOverLimitException(
                    VideoOverLimitException.Limit.DECODE_TIME,
                    settings.timeout().toSeconds());
        }
        if (outcome.stoppedEarly()) {
            throw new VideoOverLimitException(VideoOverLimitException.Limit.FRAMES, settings.maxFrames());
        }
        if (outcome.exit() != 0 || partial[0] || count[0] == 0) {
            throw new UndecodableVideoException(UndecodableVideoException.Reason.CORRUPT);
        }
        return count[0];
    }

    private List<String> inputOptions() {
        return List.of("-protocol_whitelist", "file", "-format_whitelist", String.join(",", settings.containers()));
    }

    private static Outcome run(List<String> command, long deadlineNanos, OutputReader reader) {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new VideoDecoderMissingException(command.getFirst());
        }
        var timedOut = new AtomicBoolean();
        Thread watchdog = Thread.ofVirtual().name("video-decoder-watchdog").start(() -> {
            try {
                if (!process.waitFor(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    timedOut.set(true);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                // The output was read to its end, or reading stopped: the caller ends the process.
            }
        });
        boolean complete = false;
        try {
            process.getOutputStream().close();
            try (InputStream out = process.getInputStream()) {
                complete = reader.read(out);
            }
        } catch (IOException e) {
            // A killed program's output ends abruptly; its exit code (or the timeout) says why.
            complete = true;
        } finally {
            if (!complete) {
                process.destroyForcibly();
            }
        }
        try {
            if (!process.waitFor(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                timedOut.set(true);
                process.destroyForcibly();
                process.waitFor();
            }
            return new Outcome(process.exitValue(), timedOut.get(), !complete);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while a video was being decoded", e);
        } finally {
            watchdog.interrupt();
        }
    }
}
