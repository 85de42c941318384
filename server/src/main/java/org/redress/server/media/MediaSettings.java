package org.redress.server.media;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Media settings, under {@code redress.media}.
 *
 * @param retention how long an image is kept after it arrives, unless held (30 days by default)
 * @param keepAllowedUploads whether an upload checked as ALLOW is kept too (true by default: a later
 *     report of content allowed at upload needs the image for review; operators who keep uploads
 *     in their own storage turn it off)
 * @param directory where the encrypted files go; {@code <data>/media} when unset
 */
@ConfigurationProperties("redress.media")
record MediaSettings(
        @DefaultValue("P30D") Duration retention,
        @DefaultValue("true") boolean keepAllowedUploads,
        @Nullable String directory) {

    /** A zero or negative retention would purge evidence at once: refuse to start instead. */
    MediaSettings {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("redress.media.retention must be positive");
        }
    }
}
