package org.redress.server.matching.exchange;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.matching.BankAction;
import org.redress.server.matching.BankName;
import org.redress.server.matching.EntryTrust;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The StopNCII exchange's settings, under {@code redress.stopncii} ({@code REDRESS_STOPNCII_URL} and
 * so on in the environment). The exchange is off unless the URL is set.
 *
 * @param url the partner API's base URL, such as {@code https://api.stopncii.org/v1}
 * @param subscriptionKey sent as {@code Ocp-Apim-Subscription-Key}
 * @param functionsKey the {@code FetchHashes} endpoint's {@code x-functions-key}
 * @param feedbackFunctionsKey the {@code SubmitFeedback} endpoint's key, when it has its own
 * @param fetchInterval the pause between the end of one fetch and the start of the next
 * @param pageSize records asked for per page
 * @param bank the bank that image hashes ({@code ImagePDQ}) land in, created on first use
 * @param videoBank the bank that video hashes ({@code VideoMD5}) land in, created on first use
 * @param action what a match in a bank it creates means: {@code REVIEW} by default, since StopNCII
 *     accepts any submission and no person has seen the images
 * @param trust the trust its entries get: {@code PROVISIONAL} by default, so a match waits in one
 *     case per entry for a person to confirm or release it
 * @param attempts how many times a request is tried when StopNCII answers 429 or 5xx, or not at all
 * @param timeout how long one request may take
 */
@Validated
@ConfigurationProperties("redress.stopncii")
record StopNciiSettings(
        @Nullable URI url,
        @Nullable String subscriptionKey,
        @Nullable String functionsKey,
        @Nullable String feedbackFunctionsKey,
        @DefaultValue("PT15M") @NotNull Duration fetchInterval,
        @DefaultValue("800") @Min(1) @Max(10_000) int pageSize,
        @DefaultValue("stopncii") @NotNull String bank,
        @DefaultValue("stopncii-video") @NotNull String videoBank,
        @DefaultValue("REVIEW") @NotNull BankAction action,
        @DefaultValue("PROVISIONAL") @NotNull EntryTrust trust,
        @DefaultValue("5") @Min(1) @Max(20) int attempts,
        @DefaultValue("PT60S") @NotNull Duration timeout) {

    StopNciiSettings {
        new BankName(bank);
        new BankName(videoBank);
        if (url != null && (subscriptionKey == null || functionsKey == null)) {
            throw new IllegalArgumentException(
                    "the StopNCII exchange needs REDRESS_STOPNCII_SUBSCRIPTION_KEY and REDRESS_STOPNCII_FUNCTIONS_KEY");
        }
    }

    String feedbackKey() {
        return Optional.ofNullable(feedbackFunctionsKey).orElse(java.util.Objects.requireNonNull(functionsKey));
    }

    Optional<URI> endpoint() {
        return Optional.ofNullable(url);
    }
}
