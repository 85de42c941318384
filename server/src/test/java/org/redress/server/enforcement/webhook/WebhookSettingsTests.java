package org.redress.server.enforcement.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class WebhookSettingsTests {

    private static final URI URL = URI.create("https://platform.example/hooks/redress");

    private static WebhookSettings settings(@Nullable URI url, @Nullable String secret, Duration giveUpAfter) {
        return new WebhookSettings(
                url,
                secret,
                Duration.ofSeconds(10),
                Duration.ofSeconds(1),
                giveUpAfter,
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                Duration.ofMinutes(2),
                4,
                true);
    }

    @Test
    void refusesAUrlWithASecretShorterThan32Bytes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(URL, "x".repeat(31), Duration.ofDays(7)))
                .withMessageContaining("at least 32 bytes")
                .withMessageNotContaining("xxx");
        assertThatIllegalArgumentException().isThrownBy(() -> settings(URL, null, Duration.ofDays(7)));
    }

    @Test
    void acceptsNoUrlAtAll() {
        assertThat(settings(null, null, Duration.ofDays(7)).target()).isEmpty();
    }

    @Test
    void refusesARetryWindowUnder72Hours() {
        assertThatIllegalArgumentException().isThrownBy(() -> settings(URL, "x".repeat(32), Duration.ofHours(71)));
    }

    @Test
    void keepsTheSecretOutOfToString() {
        assertThat(settings(URL, "s".repeat(40), Duration.ofDays(7)).toString()).doesNotContain("ssss");
    }
}
