package org.redress.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The retention schedule's documented defaults (README, ADR 0021), its refusal of a negative period,
 * and the checks on a law-enforcement request as typed.
 */
class RetentionScheduleTests {

    private static RetentionSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("redress.evidence.retention", RetentionSettings.class);
    }

    @Test
    void keepsEachKindForItsDocumentedPeriodByDefault() {
        RetentionSettings settings = bind(Map.of());
        assertThat(settings.keep(RetentionKind.EVIDENCE_EXPORT)).isEqualTo(Period.ofYears(6));
        assertThat(settings.keep(RetentionKind.LAW_ENFORCEMENT_REQUEST)).isEqualTo(Period.ofYears(6));
        assertThat(settings.keep(RetentionKind.CSEA_REFERRAL)).isEqualTo(Period.ofYears(5));
        assertThat(settings.keep(RetentionKind.CSEA_CONTENT)).isEqualTo(Period.ofYears(1));
        assertThat(settings.sweepInterval()).isEqualTo(Duration.ofHours(6));
        assertThat(settings.lease()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void takesAnOperatorsPeriodAndRefusesANegativeOne() {
        assertThat(bind(Map.of("redress.evidence.retention.csea-content", "P2Y"))
                        .keep(RetentionKind.CSEA_CONTENT))
                .isEqualTo(Period.ofYears(2));
        assertThatThrownBy(() -> bind(Map.of("redress.evidence.retention.exports", "-P1Y")))
                .isInstanceOf(BindException.class);
    }

    @Test
    void namesTheFirstThingMissingFromARequest() {
        Instant deadline = Instant.parse("2027-01-01T00:00:00Z");
        var whole = new NewRequest("Police", "DC Lee", "CR-1", "DPA 2018", deadline, List.of("RD-A"), null);
        assertThat(whole.problem()).isEmpty();
        assertThat(new NewRequest(" ", "DC Lee", "CR-1", "DPA 2018", deadline, List.of("RD-A"), null).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("agency"));
        assertThat(new NewRequest("Police", "DC Lee", "CR\n1", "DPA 2018", deadline, List.of("RD-A"), null).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("crime reference"));
        assertThat(new NewRequest("Police", "DC Lee", "CR-1", "DPA 2018", null, List.of("RD-A"), null).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("deadline"));
        assertThat(new NewRequest("Police", "DC Lee", "CR-1", "DPA 2018", deadline, List.of(), null).problem())
                .hasValueSatisfying(p -> assertThat(p).contains("cases"));
        assertThat(new NewRequest("Police", "DC Lee", "CR-1", "DPA", deadline, List.of("RD-A"), "referral:NCA-1")
                        .problem())
                .isEmpty();
        assertThat(new NewRequest("Police", "DC Lee", "CR-1", "DPA", deadline, List.of("RD-A"), "no link").problem())
                .hasValueSatisfying(p -> assertThat(p).contains("kind:reference"));
    }
}
