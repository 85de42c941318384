package org.redress.server.matching.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VideoProbeTests {

    @Test
    void readsTheStreamOfFfprobesFlatAnswer() {
        var probe = VideoProbe.parse("""
                streams.stream.0.width=640
                streams.stream.0.height=480
                streams.stream.0.avg_frame_rate="25/1"
                streams.stream.0.duration="6.000000"
                streams.stream.0.nb_frames="150"
                format.duration="6.000000"
                """);

        assertThat(probe.width()).isEqualTo(640);
        assertThat(probe.pixels()).isEqualTo(307_200);
        assertThat(probe.duration()).isEqualTo(Duration.ofSeconds(6));
        assertThat(probe.frames()).contains(150L);
    }

    @Test
    void estimatesTheFramesFromTheRateWhenTheContainerDoesNotCountThem() {
        var probe = VideoProbe.parse("""
                streams.stream.0.width=1280
                streams.stream.0.height=720
                streams.stream.0.avg_frame_rate="30000/1001"
                streams.stream.0.duration="N/A"
                streams.stream.0.nb_frames="N/A"
                format.duration="10.010000"
                """);

        assertThat(probe.duration()).isEqualTo(Duration.ofMillis(10_010));
        assertThat(probe.frames()).contains(300L);
    }

    @Test
    void refusesAnAnswerWithoutAVideoStreamOrADuration() {
        assertThatThrownBy(() -> VideoProbe.parse("format.duration=\"3.0\"\n"))
                .isInstanceOfSatisfying(
                        UndecodableVideoException.class,
                        e -> assertThat(e.revealable()).containsEntry("reason", "no-video-stream"));
        assertThatThrownBy(() -> VideoProbe.parse("streams.stream.0.width=2\nstreams.stream.0.height=2\n"))
                .isInstanceOfSatisfying(
                        UndecodableVideoException.class,
                        e -> assertThat(e.revealable()).containsEntry("reason", "no-duration"));
    }
}
