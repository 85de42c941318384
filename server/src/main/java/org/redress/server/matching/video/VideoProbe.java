package org.redress.server.matching.video;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@code ffprobe} says of a video's first video stream, read from its {@code flat} output
 * ({@code streams.stream.0.width=640}, {@code format.duration="6.000000"}).
 *
 * @param width the frame width in pixels
 * @param height the frame height in pixels
 * @param duration how long the video lasts (the stream's duration, else the container's)
 * @param frames how many frames it holds: as the container counts them, else its duration times
 *     its average frame rate; empty when neither is stated
 */
record VideoProbe(int width, int height, Duration duration, Optional<Long> frames) {

    private static final String STREAM = "streams.stream.0.";

    /** @throws UndecodableVideoException when there is no video stream or no duration */
    static VideoProbe parse(String flat) {
        Map<String, String> values = new HashMap<>();
        for (String line : flat.lines().toList()) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                String value = line.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(line.substring(0, equals).trim(), value);
            }
        }
        Optional<Long> width = whole(values.get(STREAM + "width"));
        Optional<Long> height = whole(values.get(STREAM + "height"));
        if (width.isEmpty() || height.isEmpty() || width.get() < 1 || height.get() < 1) {
            throw new UndecodableVideoException(UndecodableVideoException.Reason.NO_VIDEO_STREAM);
        }
        Optional<Double> seconds = decimal(values.get(STREAM + "duration"))
                .or(() -> decimal(values.get("format.duration")))
                .filter(s -> s > 0);
        if (seconds.isEmpty()) {
            throw new UndecodableVideoException(UndecodableVideoException.Reason.NO_DURATION);
        }
        Optional<Double> rate = rate(values.get(STREAM + "avg_frame_rate"));
        Optional<Long> frames = whole(values.get(STREAM + "nb_frames"))
                .filter(n -> n > 0)
                .or(() -> rate.map(r -> (long) Math.ceil(r * seconds.get())));
        return new VideoProbe(
                (int) Math.min(Integer.MAX_VALUE, width.get()),
                (int) Math.min(Integer.MAX_VALUE, height.get()),
                Duration.ofMillis((long) Math.ceil(seconds.get() * 1000)),
                frames);
    }

    /** Width times height. */
    long pixels() {
        return (long) width * height;
    }

    private static Optional<Long> whole(@Nullable String text) {
        if (text == null || text.isEmpty() || !text.chars().allMatch(Character::isDigit) || text.length() > 18) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }

    private static Optional<Double> decimal(@Nullable String text) {
        if (text == null || !text.matches("[0-9]{1,12}(\\.[0-9]{1,9})?")) {
            return Optional.empty();
        }
        return Optional.of(Double.parseDouble(text));
    }

    /** A rate such as {@code 30000/1001}; {@code 0/0} (unknown) is empty. */
    private static Optional<Double> rate(@Nullable String text) {
        if (text == null || !text.matches("[0-9]{1,9}/[0-9]{1,9}")) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        long numerator = Long.parseLong(text.substring(0, slash));
        long denominator = Long.parseLong(text.substring(slash + 1));
        if (numerator == 0 || denominator == 0) {
            return Optional.empty();
        }
        return Optional.of((double) numerator / denominator);
    }
}
