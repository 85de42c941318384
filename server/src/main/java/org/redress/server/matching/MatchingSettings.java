package org.redress.server.matching;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Matching's settings, under {@code redress.matching}.
 *
 * @param victimsBank the bank that victims' hash submissions land in, created on first use
 * @param victimsBankAction what a match in it means when it is created (BLOCK by default; an
 *     administrator may change it later)
 * @param confirmedRemovalsBank the BLOCK bank that the hashes of content whose removal the
 *     platform confirmed land in, created on first use
 * @param floodLimit the most registered uploads one submitted hash may match at once: beyond it
 *     the entry is held for a moderator before it blocks anything or opens any case (a flat or
 *     common picture's hash would otherwise act on thousands of unrelated uploads)
 * @param appealUrl where an uploader whose upload was blocked appeals (the platform's own form, for
 *     example): an absolute http or https URL quoted in every automated block's statement of
 *     reasons; without it the statement names the review by a person that every block gets
 * @param deterrence the short message a platform can show the person whose upload was blocked
 */
@Validated
@ConfigurationProperties("redress.matching")
record MatchingSettings(
        @DefaultValue("victims") @NotNull String victimsBank,
        @DefaultValue("BLOCK") @NotNull BankAction victimsBankAction,
        @DefaultValue("confirmed-removals") @NotNull String confirmedRemovalsBank,
        @DefaultValue("20") @Min(1) int floodLimit,
        @Nullable String appealUrl,
        @DefaultValue @NotNull Deterrence deterrence) {

    MatchingSettings {
        new BankName(victimsBank);
        new BankName(confirmedRemovalsBank);
        if (appealUrl != null && !appealUrl.isBlank()) {
            var uri = java.net.URI.create(appealUrl);
            if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("redress.matching.appeal-url must be an absolute http or https URL");
            }
        }
    }

    /** The configured appeal URL, when there is one. */
    java.util.Optional<String> appealLink() {
        return java.util.Optional.ofNullable(appealUrl).filter(url -> !url.isBlank());
    }

    /**
     * Deterrence messages by jurisdiction (an ISO 3166 code such as {@code GB}, or any name the
     * platform sends), under {@code redress.matching.deterrence.messages.<jurisdiction>}; the
     * built-in texts serve the jurisdictions not configured.
     *
     * @param defaultJurisdiction the jurisdiction of a check that names none
     * @param messages configured texts, replacing the built-in text of their jurisdiction
     */
    record Deterrence(@DefaultValue("GB") @NotNull String defaultJurisdiction, Map<String, String> messages) {

        Deterrence {
            messages = messages == null ? Map.of() : Map.copyOf(messages);
        }
    }
}
