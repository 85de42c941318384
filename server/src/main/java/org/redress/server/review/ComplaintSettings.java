package org.redress.server.review;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The target times of complaints, under {@code redress.review.complaints}.
 *
 * @param expeditedTarget for complaints by people who asked for removal as the person shown or for
 *     them (UK OSA s.20A reports): the expedited route
 * @param target for every other complaint (bystanders' reports, uploaders' automated blocks)
 */
@Validated
@ConfigurationProperties("redress.review.complaints")
public record ComplaintSettings(
        @DefaultValue("PT48H") @NotNull Duration expeditedTarget,
        @DefaultValue("P7D") @NotNull Duration target) {

    public ComplaintSettings {
        if (expeditedTarget.isNegative() || expeditedTarget.isZero()) {
            throw new IllegalArgumentException("redress.review.complaints.expedited-target must be positive");
        }
        if (target.isNegative() || target.isZero()) {
            throw new IllegalArgumentException("redress.review.complaints.target must be positive");
        }
    }
}
