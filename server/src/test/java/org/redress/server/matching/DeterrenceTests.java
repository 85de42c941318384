package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The deterrence message of an automated block: configurable per jurisdiction, with built-in texts. */
class DeterrenceTests {

    private final Deterrence deterrence = new Deterrence(new MatchingSettings.Deterrence(
            "GB", Map.of("DE", "Intime Bilder ohne Einwilligung zu verbreiten ist strafbar.", "gb", "Configured.")));

    @Test
    void usesTheConfiguredTextOfTheCheckedJurisdiction() {
        var message = deterrence.forJurisdiction(Optional.of("de"));
        assertThat(message.jurisdiction()).isEqualTo("DE");
        assertThat(message.message()).isEqualTo("Intime Bilder ohne Einwilligung zu verbreiten ist strafbar.");
    }

    @Test
    void aConfiguredTextReplacesTheBuiltInOne() {
        assertThat(deterrence.forJurisdiction(Optional.empty()).message()).isEqualTo("Configured.");
    }

    @Test
    void fallsBackToTheBuiltInTextThenToTheDefaultJurisdiction() {
        assertThat(deterrence.forJurisdiction(Optional.of("US")).message()).contains("TAKE IT DOWN Act");
        var unknown = deterrence.forJurisdiction(Optional.of("XX"));
        assertThat(unknown.jurisdiction()).isEqualTo("GB");
        assertThat(unknown.message()).isEqualTo("Configured.");
    }
}
