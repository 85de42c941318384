package org.redress.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MediaValuesTests {

    @Test
    void acceptsOnlySixtyFourLowercaseHexDigitsAsAnId() {
        assertThat(new MediaId("ab".repeat(32)).value()).hasSize(64);
        assertThatThrownBy(() -> new MediaId("AB".repeat(32))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MediaId("ab".repeat(31)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a media id is 64 lowercase hex digits, got 62 characters");
        assertThatThrownBy(() -> new MediaId("../".repeat(21) + "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesARetentionThatWouldPurgeAtOnce() {
        assertThat(new MediaSettings(Duration.ofDays(30), true, null).retention())
                .isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> new MediaSettings(Duration.ZERO, true, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MediaSettings(Duration.ofDays(-1), true, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
