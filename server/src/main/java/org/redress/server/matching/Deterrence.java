package org.redress.server.matching;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The deterrence message for a jurisdiction: the configured text, else the built-in one, else the
 * default jurisdiction's.
 */
final class Deterrence {

    /** Built-in texts: short, plain, and true of the law they quote. */
    private static final Map<String, String> BUILT_IN = Map.of(
            "GB",
            "Sharing an intimate image of someone without their consent is a criminal offence in the UK "
                    + "(Sexual Offences Act 2003, s.66B).",
            "US",
            "Publishing intimate images of a person without their consent is a federal crime in the United States "
                    + "(TAKE IT DOWN Act).",
            "EU",
            "Sharing intimate images of a person without their consent is a criminal offence across the European "
                    + "Union (Directive (EU) 2024/1385, Art. 5).");

    private static final String FALLBACK =
            "Sharing an intimate image of someone without their consent is a criminal offence in many countries.";

    private final MatchingSettings.Deterrence settings;

    Deterrence(MatchingSettings.Deterrence settings) {
        this.settings = settings;
    }

    BlockStatement.Deterrence forJurisdiction(Optional<String> requested) {
        String jurisdiction = requested
                .map(j -> j.strip().toUpperCase(Locale.ROOT))
                .filter(j -> !j.isEmpty() && text(j).isPresent())
                .orElse(settings.defaultJurisdiction().toUpperCase(Locale.ROOT));
        return new BlockStatement.Deterrence(jurisdiction, text(jurisdiction).orElse(FALLBACK));
    }

    private Optional<String> text(String jurisdiction) {
        for (var configured : settings.messages().entrySet()) {
            if (configured.getKey().equalsIgnoreCase(jurisdiction)) {
                return Optional.of(configured.getValue());
            }
        }
        return Optional.ofNullable(BUILT_IN.get(jurisdiction));
    }
}
