package org.redress.server.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ReviewPageControllerTests {

    @Test
    void servesKeptImagesUnderTheTypeTheirFirstBytesName() {
        assertThat(ReviewPageController.sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 0}))
                .isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(ReviewPageController.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0}))
                .isEqualTo(MediaType.IMAGE_PNG);
        assertThat(ReviewPageController.sniff("GIF89a....".getBytes())).isEqualTo(MediaType.IMAGE_GIF);
        assertThat(ReviewPageController.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes()).toString())
                .isEqualTo("image/webp");
        assertThat(ReviewPageController.sniff("<html><script>".getBytes()))
                .as("never served as a document")
                .isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
        assertThat(ReviewPageController.sniff(new byte[0])).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
    }

    @Test
    void countsDownInHoursAndMinutesAndSaysWhenOverdueOrStopped() {
        assertThat(ReviewPageController.remaining(Duration.ofHours(47).plusMinutes(59), true))
                .isEqualTo("47h 59m left");
        assertThat(ReviewPageController.remaining(Duration.ofMinutes(-90), true))
                .isEqualTo("1h 30m overdue");
        assertThat(ReviewPageController.remaining(Duration.ofHours(3), false)).isEqualTo("clock stopped");
    }
}
