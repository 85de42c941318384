package org.redress.server.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The CyberTipline report as built, against the schema in {@code referral/cybertipline-report.xsd}. */
class CyberTiplineReportTests {

    static CyberTiplineReport forATestCase() {
        return new CyberTiplineReport(
                Instant.parse("2026-12-01T09:00:00Z"),
                List.of("https://platform.example/p/123?a=1&b=2"),
                "Trust and",
                "Safety",
                "safety@platform.example",
                Optional.of("user-<42>"),
                "Redress case RDR-7K2Q-9XPM. Content ids: https://platform.example/p/123?a=1&b=2.");
    }

    @Test
    void buildsAReportForATestCaseThatTheSchemaAccepts() {
        String xml = forATestCase().xml();

        CyberTiplineSchema.check(xml);
        assertThat(xml)
                .contains("<incidentType>" + CyberTiplineReport.INCIDENT_TYPE + "</incidentType>")
                .contains("<incidentDateTime>2026-12-01T09:00:00Z</incidentDateTime>")
                .contains("<url>https://platform.example/p/123?a=1&amp;b=2</url>")
                .contains("<espIdentifier>user-&lt;42&gt;</espIdentifier>");
    }

    @Test
    void leavesOutTheWebPageAndTheUserWhenTheCaseHasNeither() {
        var report = new CyberTiplineReport(
                Instant.parse("2026-12-01T09:00:00Z"),
                List.of(),
                "Trust and",
                "Safety",
                "safety@platform.example",
                Optional.empty(),
                "Redress case RDR-7K2Q-9XPM. Content ids: id:1.");

        String xml = report.xml();

        CyberTiplineSchema.check(xml);
        assertThat(xml).doesNotContain("internetDetails").doesNotContain("personOrUserReported");
    }

    @Test
    void refusesAReportWithoutItsReporter() {
        String xml = forATestCase().xml().replaceAll("<reporter>.*</reporter>", "");

        assertThatThrownBy(() -> CyberTiplineSchema.check(xml))
                .isInstanceOf(CyberTiplineSchema.InvalidCyberTiplineReportException.class)
                .hasMessageContaining("reporter");
    }

    @Test
    void refusesAnIncidentTypeNcmecDoesNotList() {
        String xml = forATestCase().xml().replace(CyberTiplineReport.INCIDENT_TYPE, "Something else");

        assertThatThrownBy(() -> CyberTiplineSchema.check(xml))
                .isInstanceOf(CyberTiplineSchema.InvalidCyberTiplineReportException.class);
    }

    @Test
    void refusesAnIncidentTimeThatIsNotADateTime() {
        String xml = forATestCase().xml().replace("2026-12-01T09:00:00Z", "1 December 2026");

        assertThatThrownBy(() -> CyberTiplineSchema.check(xml))
                .isInstanceOf(CyberTiplineSchema.InvalidCyberTiplineReportException.class);
    }

    @Test
    void refusesAReportWithAnEmptyReporterEmail() {
        String xml = forATestCase().xml().replace("safety@platform.example", "");

        assertThatThrownBy(() -> CyberTiplineSchema.check(xml))
                .isInstanceOf(CyberTiplineSchema.InvalidCyberTiplineReportException.class);
    }
}
