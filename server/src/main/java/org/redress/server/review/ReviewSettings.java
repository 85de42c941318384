package org.redress.server.review;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Period;
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
 * @param appealWindow how long after a decision its uploader may appeal: six months at least (EU DSA
 *     Art. 20(1)); a shorter value stops the service from starting
 * @param appealTarget the target time for deciding an appeal, from its receipt: the appeal case's deadline
 * @param suspensionPeriod how long a suspension of a repeat uploader runs (EU DSA Art. 23(1): for a
 *     reasonable period, so never open-ended)
 * @param illegalContentTarget the platform's own target for judging reported content outside the
 *     48-hour duty (UK OSA s.10(3)(b) asks for swift action without a fixed time): a case whose
 *     reporter the s.10(3B) exception covers is due this long after receipt
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
        @DefaultValue("P6M") @NotNull Period appealWindow,
        @DefaultValue("P7D") @NotNull Duration appealTarget,
        @DefaultValue("P30D") @NotNull Duration suspensionPeriod,
        @DefaultValue("P7D") @NotNull Duration illegalContentTarget) {

    /** The shortest appeal window the law allows. */
    static final Period SHORTEST_APPEAL_WINDOW = Period.ofMonths(6);

    public ReviewSettings {
        // isNegative() is true when any unit is negative, so P7M-40D is refused as well as P5M.
        if (appealWindow.isNegative() || appealWindow.toTotalMonths() < SHORTEST_APPEAL_WINDOW.toTotalMonths()) {
            throw new IllegalArgumentException(
                    "redress.review.appeal-window must be at least six months (EU DSA Art. 20(1))");
        }
        if (appealTarget.isNegative() || appealTarget.isZero()) {
            throw new IllegalArgumentException("redress.review.appeal-target must be positive");
        }
        if (illegalContentTarget.compareTo(Duration.ofHours(48)) < 0) {
            throw new IllegalArgumentException(
                    "redress.review.illegal-content-target must be at least 48 hours: lifting the 48-hour duty "
                            + "never makes a case due sooner");
        }
        if (suspensionPeriod.isNegative() || suspensionPeriod.isZero()) {
            throw new IllegalArgumentException("redress.review.suspension-period must be positive");
        }
    }
}
