package org.redress.server.referral;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Referrals, under {@code redress.referral}. The agency itself is review's
 * {@code redress.review.referral-agency}.
 *
 * @param providerName the service's name as the agency should know it
 * @param reporterFirstName the first name of the person the agency may contact about a report (NCMEC
 *     asks for the reporting person; the NCA for the authorised person)
 * @param reporterLastName their last name
 * @param reporterEmail their e-mail address
 * @param ncmec the CyberTipline Reporting API ({@code redress.referral.ncmec.*}); off unless its URL is set
 * @param sendInterval how often the sender looks for referrals to send
 * @param retryAfter the wait after the first failed attempt; it doubles with each further failure
 * @param retryAtMost the longest wait between attempts
 * @param timeout how long one request to the agency may take
 */
@Validated
@ConfigurationProperties("redress.referral")
public record ReferralSettings(
        @DefaultValue("Redress") @NotNull String providerName,
        @DefaultValue("Trust and") @NotNull String reporterFirstName,
        @DefaultValue("Safety") @NotNull String reporterLastName,
        @DefaultValue("safety@example.org") @NotNull String reporterEmail,
        @DefaultValue @NotNull Ncmec ncmec,
        @DefaultValue("PT30S") @NotNull Duration sendInterval,
        @DefaultValue("PT1M") @NotNull Duration retryAfter,
        @DefaultValue("PT6H") @NotNull Duration retryAtMost,
        @DefaultValue("PT30S") @NotNull Duration timeout) {

    public ReferralSettings {
        if (retryAfter.isNegative() || retryAfter.isZero() || retryAtMost.compareTo(retryAfter) < 0) {
            throw new IllegalArgumentException("redress.referral needs 0 < retry-after <= retry-at-most");
        }
    }

    /**
     * The CyberTipline Reporting API.
     *
     * @param url its base URL (for example {@code https://report.cybertip.org/ispws}); without it NCMEC
     *     reports are built and kept for staff to file by hand
     * @param username the API account's user name
     * @param password its password: give it through the environment
     *     ({@code REDRESS_REFERRAL_NCMEC_PASSWORD}), never in a file kept with the code
     */
    public record Ncmec(
            @Nullable URI url,
            @Nullable String username,
            @Nullable String password) {

        public Ncmec {
            if (url != null && !"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
                throw new IllegalArgumentException("redress.referral.ncmec.url must be an http(s) URL");
            }
            if (url != null && (blank(username) || blank(password))) {
                throw new IllegalArgumentException(
                        "redress.referral.ncmec.url needs redress.referral.ncmec.username and .password");
            }
        }

        /** The endpoint, when one is configured. */
        Optional<URI> endpoint() {
            return Optional.ofNullable(url);
        }

        private static boolean blank(@Nullable String value) {
            return value == null || value.isBlank();
        }

        @Override
        public String toString() {
            return "Ncmec[url=" + url + ", username=" + username + ", password=(hidden)]";
        }
    }
}
