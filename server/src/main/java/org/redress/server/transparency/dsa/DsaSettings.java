package org.redress.server.transparency.dsa;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.redress.server.shared.Jurisdiction;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Statements of reasons for the EU DSA Transparency Database, under
 * {@code redress.transparency.dsa} ({@code REDRESS_TRANSPARENCY_DSA_URL}, ...). Sending is off
 * unless {@code url} is set; the export works either way. Invalid values stop the service at
 * startup.
 *
 * @param url the Database's base address (its sandbox or production, as onboarding gave it); the
 *     batch endpoint {@code /api/v1/statements} is resolved against it
 * @param token the platform's API token, sent as a bearer token
 * @param batchSize statements per call, 1 to {@value #MAX_BATCH} (the API's documented limit)
 * @param interval how often due statements are collected and sent
 * @param timeout how long one call waits for an answer
 * @param initialBackoff the wait after the first failed call; it doubles per failure
 * @param maxBackoff the longest wait between calls
 * @param territorialScope where a restriction applies, as EU/EEA codes; by default all of them
 *     (Redress's restrictions apply to every user of the service)
 * @param termsGround the terms clause cited when a statement rests on the platform's terms
 * @param termsUrl where the terms are published, if the platform gives it
 * @param legalGrounds the national (or EU) provision the platform relies on, by EU/EEA state code
 *     or {@code EU}; a statement for such a state then cites it as the legal ground
 */
@ConfigurationProperties("redress.transparency.dsa")
public record DsaSettings(
        @Nullable URI url,
        @Nullable String token,
        @DefaultValue("100") int batchSize,
        @DefaultValue("1m") Duration interval,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("1m") Duration initialBackoff,
        @DefaultValue("6h") Duration maxBackoff,
        @DefaultValue List<String> territorialScope,

        @DefaultValue("Terms of service: intimate image abuse (sharing an intimate image of a person without their "
                + "consent)")
        String termsGround,

        @Nullable URI termsUrl,
        @DefaultValue Map<String, String> legalGrounds) {

    /** The batch endpoint's limit ({@code between:1,100}). */
    public static final int MAX_BATCH = 100;

    public DsaSettings {
        if (url != null) {
            if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
                throw new IllegalArgumentException("redress.transparency.dsa.url must be an http or https URL");
            }
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException(
                        "redress.transparency.dsa.token is needed when redress.transparency.dsa.url is set");
            }
        }
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException(
                    "redress.transparency.dsa.batch-size must be within [1, 100], got " + batchSize);
        }
        for (String code : territorialScope) {
            if (!Jurisdiction.EEA_STATES.contains(code)) {
                throw new IllegalArgumentException(
                        "redress.transparency.dsa.territorial-scope takes EU/EEA codes only, not " + code);
            }
        }
        if (termsGround.isBlank() || termsGround.length() > 500) {
            throw new IllegalArgumentException("redress.transparency.dsa.terms-ground must be 1 to 500 characters");
        }
        territorialScope = territorialScope.isEmpty()
                ? Jurisdiction.EEA_STATES.stream().sorted().toList()
                : List.copyOf(territorialScope);
        var grounds = new TreeMap<String, String>();
        legalGrounds.forEach((code, ground) -> grounds.put(code.toUpperCase(Locale.ROOT), ground));
        legalGrounds = Map.copyOf(grounds);
    }

    /** Whether statements are sent. */
    public boolean sending() {
        return url != null;
    }

    /** The provision configured for a state's code, else for the EU as a whole. */
    Optional<String> legalGround(String code) {
        String key = code.strip().toUpperCase(Locale.ROOT);
        return Optional.ofNullable(legalGrounds.get(key)).or(() -> Optional.ofNullable(legalGrounds.get("EU")));
    }
}
