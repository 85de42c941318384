package org.redress.server.matching.video;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Videos made in the test with {@code ffmpeg} from the PDQ test vectors' photographs (or from
 * ffmpeg's own generated patterns), and re-encodings of them. Without ffmpeg the calling test is
 * skipped with a message, and fails under {@code CI=true}, where a skipped video suite must not
 * look green (.ci/run installs ffmpeg).
 */
public final class TestVideos {

    /**
     * The photographs of different scenes in the test vectors (every pair is unrelated): the first
     * seven have PDQ quality 100; the last two are flat (quality 3 and 4 in the reference hashes), so
     * their frames fall under the quality floor.
     */
    public static final List<String> PHOTOGRAPHS = List.of(
            "reg-test-input/labelme-subset/q0122.jpg",
            "reg-test-input/labelme-subset/q0291.jpg",
            "reg-test-input/labelme-subset/q0746.jpg",
            "reg-test-input/labelme-subset/q1050.jpg",
            "reg-test-input/labelme-subset/q2821.jpg",
            "reg-test-input/pen-and-coaster.png",
            "bridge-mods/aaa-orig.jpg",
            "reg-test-input/labelme-subset/q0003.jpg",
            "reg-test-input/labelme-subset/q0004.jpg");

    private static final Path IMAGES = Path.of(
                    System.getProperty("redress.pdq.vectors", "../pdq/src/test/resources/pdq-vectors"))
            .resolve("images");

    private TestVideos() {}

    /** The settings as the service starts with them, unless {@code overrides} say otherwise. */
    public static VideoSettings settings(Map<String, String> overrides) {
        Map<String, String> properties = new java.util.HashMap<>();
        overrides.forEach((key, value) -> properties.put("redress.matching.video." + key, value));
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("redress.matching.video", VideoSettings.class);
    }

    /** Skips the calling test when ffmpeg cannot run here (fails it under CI=true). */
    public static void requireFfmpeg() {
        boolean runs;
        try {
            Process version = new ProcessBuilder("ffmpeg", "-version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            runs = version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            runs = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runs = false;
        }
        if (!runs) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("ffmpeg must be installed when CI=true: the video tests may not be skipped");
            }
            System.err.println("SKIPPED: video tests need ffmpeg (Debian package ffmpeg)");
            Assumptions.abort("ffmpeg is missing; video tests skipped");
        }
    }

    /** One of {@link #PHOTOGRAPHS}. */
    public static Path photograph(int index) {
        return IMAGES.resolve(PHOTOGRAPHS.get(index));
    }

    /**
     * A 640 by 480 H.264 MP4 showing the photographs one after another, {@code secondsEach} each,
     * with the view panning slowly across each (so consecutive frames differ, as in a film).
     */
    public static byte[] slideshow(List<Path> photographs, int secondsEach) {
        List<String> command = new ArrayList<>(List.of("-v", "error", "-y"));
        var filter = new StringBuilder();
        for (int i = 0; i < photographs.size(); i++) {
            command.addAll(List.of("-loop", "1", "-framerate", "25", "-t", Integer.toString(secondsEach), "-i"));
            command.add(photographs.get(i).toAbsolutePath().toString());
            filter.append("[")
                    .append(i)
                    .append(":v]scale=768:576,setsar=1,")
                    .append("crop=640:480:x='min(128,t*20)':y='min(96,t*15)'[v")
                    .append(i)
                    .append("];");
        }
        for (int i = 0; i < photographs.size(); i++) {
            filter.append("[v").append(i).append("]");
        }
        filter.append("concat=n=").append(photographs.size()).append(":v=1[out]");
        command.addAll(List.of(
                "-filter_complex",
                filter.toString(),
                "-map",
                "[out]",
                "-c:v",
                "libx264",
                "-b:v",
                "1500k",
                "-pix_fmt",
                "yuv420p",
                "-movflags",
                "+faststart"));
        return ffmpeg(command, ".mp4");
    }

    /** {@code seconds} of one of ffmpeg's generated patterns ({@code testsrc2}, {@code mandelbrot}, ...). */
    public static byte[] pattern(String source, int seconds) {
        return ffmpeg(
                List.of(
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        source + "=size=640x480:rate=25",
                        "-t",
                        Integer.toString(seconds),
                        "-c:v",
                        "libx264",
                        "-pix_fmt",
                        "yuv420p"),
                ".mp4");
    }

    /**
     * The video encoded again: scaled to {@code width} by {@code height}, at {@code bitrate} (ffmpeg's
     * notation, {@code 200k}), with {@code codec} ({@code libx264}, {@code libvpx-vp9}, {@code mpeg4})
     * in the container that {@code extension} names ({@code .mp4}, {@code .webm}, {@code .avi}).
     */
    public static byte[] reencode(byte[] video, int width, int height, String bitrate, String codec, String extension) {
        Path in = temporary(video, ".mp4");
        try {
            List<String> command = new ArrayList<>(List.of(
                    "-v",
                    "error",
                    "-y",
                    "-i",
                    in.toString(),
                    "-vf",
                    "scale=" + width + ":" + height,
                    "-c:v",
                    codec,
                    "-b:v",
                    bitrate,
                    "-pix_fmt",
                    "yuv420p"));
            if (codec.equals("libvpx-vp9")) {
                command.addAll(List.of("-deadline", "realtime", "-cpu-used", "8"));
            }
            return ffmpeg(command, extension);
        } finally {
            delete(in);
        }
    }

    private static byte[] ffmpeg(List<String> arguments, String extension) {
        Path out = temporary(new byte[0], extension);
        try {
            List<String> command = new ArrayList<>();
            command.add("ffmpeg");
            command.addAll(arguments);
            command.add(out.toString());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("ffmpeg failed making a test video: " + command);
            }
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new IllegalStateException("ffmpeg could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            delete(out);
        }
    }

    private static Path temporary(byte[] content, String extension) {
        try {
            Path file = Files.createTempFile("redress-test-video-", extension);
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind
        }
    }
}
