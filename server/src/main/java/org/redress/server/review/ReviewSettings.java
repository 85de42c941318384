package org.redress.server.review;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Review's settings, under {@code redress.review}.
 *
 * @param claimLease how long a claim holds without a decision
 * @param matchDeadline the removal deadline of a case opened by a match, from when it was found
 *     (a copy of reported content keeps the report's deadline while that is still ahead)
 * @param warnBefore how long before the deadline the sweep warns
 * @param suspendAfter confirmed removals against one uploader that trigger {@code account.suspend};
 *     the removals before it carry a warning in their statement of reasons (EU DSA Art. 23)
 * @param hideOnReport ask the platform to hide reported content as soon as a complete report arrives
 * @param referralAgency who child sexual abuse material is referred to ({@code NCA} or {@code NCMEC})
 * @param appealUrl where an uploader appeals, quoted in every statement of reasons
 */
@Validated
@ConfigurationProperties("redress.review")
public record ReviewSettings(
        @DefaultValue("PT15M") @NotNull Duration claimLease,
        @DefaultValue("PT48H") @NotNull Duration matchDeadline,
        @DefaultValue("PT12H") @NotNull Duration warnBefore,
        @DefaultValue("3") @Min(1) int suspendAfter,
        @DefaultValue("false") boolean hideOnReport,
        @DefaultValue("NCA") @NotNull String referralAgency,
        @DefaultValue("/appeals") @NotNull String appealUrl) {}
