package org.redress.server.evidence;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The retention schedule, under {@code redress.evidence.retention} (ADR 0021). Periods run from a
 * record's last change. Media's images follow {@code redress.media.retention}; audit entries are
 * kept for good.
 *
 * @param exports how long the record of an evidence export is kept (6 years: the limitation period
 *     for most claims in England and Wales, so an export can be accounted for while it can be challenged)
 * @param requests how long a law-enforcement request and its custody are kept after their last step (6 years)
 * @param cseaReferrals how long a CSEA referral's record is kept (5 years, S.I. 2026/268)
 * @param cseaContent how long a CSEA referral's content and data are kept (1 year, S.I. 2026/268)
 * @param sweepInterval how often the sweep runs (6 hours)
 * @param lease how long one instance's claim on the sweep lasts before another may take it over (1 hour)
 */
@ConfigurationProperties("redress.evidence.retention")
record RetentionSettings(
        @DefaultValue("P6Y") Period exports,
        @DefaultValue("P6Y") Period requests,
        @DefaultValue("P5Y") Period cseaReferrals,
        @DefaultValue("P1Y") Period cseaContent,
        @DefaultValue("PT6H") Duration sweepInterval,
        @DefaultValue("PT1H") Duration lease) {

    /** A negative period would delete the future; a zero lease would let two sweeps run at once. */
    RetentionSettings {
        for (Period period : new Period[] {exports, requests, cseaReferrals, cseaContent}) {
            if (period.isNegative()) {
                throw new IllegalArgumentException("redress.evidence.retention periods must not be negative");
            }
        }
        if (lease.isNegative() || lease.isZero() || sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("redress.evidence.retention lease and sweep-interval must be positive");
        }
    }

    /** How long records of this kind are kept; media's images are not set here. */
    Period keep(RetentionKind kind) {
        return switch (kind) {
            case EVIDENCE_EXPORT -> exports;
            case LAW_ENFORCEMENT_REQUEST -> requests;
            case CSEA_REFERRAL -> cseaReferrals;
            case CSEA_CONTENT -> cseaContent;
            case IIA_MEDIA -> throw new IllegalArgumentException("media's retention is redress.media.retention");
        };
    }
}
