package org.redress.server.review;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Threats to life or safety, under {@code redress.review.threats}.
 *
 * @param contact the e-mail address of the law-enforcement contact told at once (for example a
 *     police force's single point of contact); without it a marked case shows that no one was told
 * @param responseTarget how soon after marking the contact must have been told, and by when the
 *     case is due at the latest: it goes to the head of the queue
 */
@Validated
@ConfigurationProperties("redress.review.threats")
public record ThreatSettings(
        @Nullable String contact,
        @DefaultValue("PT1H") @NotNull Duration responseTarget) {

    public ThreatSettings {
        if (contact != null && !contact.isBlank() && !contact.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("redress.review.threats.contact must be an e-mail address");
        }
        if (responseTarget.isNegative() || responseTarget.isZero()) {
            throw new IllegalArgumentException("redress.review.threats.response-target must be positive");
        }
    }

    Optional<String> contactAddress() {
        return Optional.ofNullable(contact).filter(c -> !c.isBlank());
    }
}
