package org.redress.server.enforcement.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook settings, under {@code redress.webhook} ({@code REDRESS_WEBHOOK_URL},
 * {@code REDRESS_WEBHOOK_SECRET}, ...). Invalid values stop the service at startup: a weak secret
 * would let anyone forge removals towards the platform, and a short retry window would break the
 * 72-hour promise of the interface.
 *
 * @param url where the platform receives webhooks; without it deliveries wait in the outbox
 * @param secret the shared HMAC key, at least 32 bytes (UTF-8)
 * @param timeout how long one attempt waits for an answer
 * @param interval how often the dispatcher looks for due deliveries
 * @param giveUpAfter how long after queueing retries stop (at least 72 hours)
 * @param initialBackoff the wait after the first failure; it doubles per failure
 * @param maxBackoff the longest wait between attempts
 * @param lease how long a dispatcher owns the rows it claimed; longer than {@code timeout}, so a
 *     slow answer is never sent twice at once, and short enough that a crashed dispatcher's rows
 *     come back soon
 * @param parallelism how many webhooks one dispatcher sends at once
 * @param dispatchAfterCommit send right after a queueing transaction commits instead of waiting
 *     for the next interval
 */
@ConfigurationProperties("redress.webhook")
public record WebhookSettings(
        @Nullable URI url,
        @Nullable String secret,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("1s") Duration interval,
        @DefaultValue("7d") Duration giveUpAfter,
        @DefaultValue("30s") Duration initialBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("4") int parallelism,
        @DefaultValue("true") boolean dispatchAfterCommit) {

    static final int MIN_SECRET_BYTES = 32;
    static final Duration MIN_GIVE_UP_AFTER = Duration.ofHours(72);

    public WebhookSettings {
        if (url != null) {
            if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
                throw new IllegalArgumentException("redress.webhook.url must be an http or https URL");
            }
            if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("redress.webhook.secret must be at least " + MIN_SECRET_BYTES
                        + " bytes when redress.webhook.url is set, got "
                        + (secret == null ? 0 : secret.getBytes(StandardCharsets.UTF_8).length));
            }
        }
        requirePositive(timeout, "timeout");
        requirePositive(interval, "interval");
        requirePositive(initialBackoff, "initial-backoff");
        if (giveUpAfter.compareTo(MIN_GIVE_UP_AFTER) < 0) {
            throw new IllegalArgumentException(
                    "redress.webhook.give-up-after must be at least 72 hours, got " + giveUpAfter);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("redress.webhook.max-backoff must not be shorter than initial-backoff");
        }
        if (lease.compareTo(timeout.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException(
                    "redress.webhook.lease must be at least twice the timeout, got " + lease);
        }
        if (parallelism < 1 || parallelism > 64) {
            throw new IllegalArgumentException(
                    "redress.webhook.parallelism must be within [1, 64], got " + parallelism);
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("redress.webhook." + name + " must be positive, got " + value);
        }
    }

    Optional<URI> target() {
        return Optional.ofNullable(url);
    }

    RetrySchedule schedule() {
        return new RetrySchedule(initialBackoff, maxBackoff, giveUpAfter);
    }

    @Override
    public String toString() {
        return "WebhookSettings[url=" + (url == null ? "none" : url.getHost()) + ", secret=redacted, timeout=" + timeout
                + ", giveUpAfter=" + giveUpAfter + "]";
    }
}
