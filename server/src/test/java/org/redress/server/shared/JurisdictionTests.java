package org.redress.server.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JurisdictionTests {

    @Test
    void tellsTheUksThreeJurisdictionsApartByTheirSubdivisionCodes() {
        assertThat(Jurisdiction.of("GB-ENG")).contains(Jurisdiction.ENGLAND_AND_WALES);
        assertThat(Jurisdiction.of("gb-wls ")).contains(Jurisdiction.ENGLAND_AND_WALES);
        assertThat(Jurisdiction.of("GB-SCT")).contains(Jurisdiction.SCOTLAND);
        assertThat(Jurisdiction.of("GB-NIR")).contains(Jurisdiction.NORTHERN_IRELAND);
        assertThat(Jurisdiction.of("GB")).contains(Jurisdiction.UNITED_KINGDOM);
    }

    @Test
    void citesEachJurisdictionsOwnOffence() {
        assertThat(Jurisdiction.ENGLAND_AND_WALES.provisions())
                .contains("Sexual Offences Act 2003 s.66B")
                .contains("Online Safety Act 2023");
        assertThat(Jurisdiction.SCOTLAND.provisions())
                .isEqualTo("Abusive Behaviour and Sexual Harm (Scotland) Act 2016 s.2");
        assertThat(Jurisdiction.NORTHERN_IRELAND.provisions()).isEqualTo("Justice Act (Northern Ireland) 2016 s.51");
        assertThat(Jurisdiction.UNITED_STATES.provisions()).contains("TAKE IT DOWN Act");
        assertThat(Jurisdiction.UK_AND_US.provisions())
                .isEqualTo("Sexual Offences Act 2003 s.66B (England and Wales); Online Safety Act 2023 s.10 and "
                        + "Sch. 7 (priority offence); US TAKE IT DOWN Act s.3");
    }

    @Test
    void readsEuAndEeaStatesAndUsStatesAndRefusesTheRest() {
        assertThat(Jurisdiction.of("DE")).contains(Jurisdiction.EU_MEMBER_STATE);
        assertThat(Jurisdiction.of("NO")).contains(Jurisdiction.EU_MEMBER_STATE);
        assertThat(Jurisdiction.of("EU")).contains(Jurisdiction.EU_MEMBER_STATE);
        assertThat(Jurisdiction.of("US-CA")).contains(Jurisdiction.UNITED_STATES);
        assertThat(Jurisdiction.of("CH")).isEqualTo(Optional.empty());
        assertThat(Jurisdiction.of("Atlantis")).isEmpty();
        assertThat(Jurisdiction.EU_MEMBER_STATE.inEea()).isTrue();
        assertThat(Jurisdiction.SCOTLAND.inEea()).isFalse();
    }
}
