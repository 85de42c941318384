package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.review.Severity;

/** The reasons of a report as the offences read them, and what each one sets. */
class ReportReasonTests {

    @Test
    void mapsEachReasonToItsPriorityOsaHarmAndDsaKeyword() {
        assertThat(Arrays.stream(ReportReason.values())
                        .map(r -> r + " " + r.priority() + " " + r.osaHarm() + " " + r.dsaCategory() + " "
                                + r.dsaKeyword())
                        .toList())
                .containsExactly(
                        "SHARED_WITHOUT_CONSENT HIGH INTIMATE_IMAGE_ABUSE STATEMENT_CATEGORY_CYBER_VIOLENCE"
                                + " KEYWORD_NON_CONSENSUAL_IMAGE_SHARING",
                        "THREATENED_TO_SHARE URGENT INTIMATE_IMAGE_ABUSE STATEMENT_CATEGORY_CYBER_VIOLENCE"
                                + " KEYWORD_CYBER_HARASSMENT",
                        "FAKE_OR_ALTERED HIGH INTIMATE_IMAGE_ABUSE STATEMENT_CATEGORY_CYBER_VIOLENCE"
                                + " KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE",
                        "TAKEN_WITHOUT_CONSENT HIGH INTIMATE_IMAGE_ABUSE STATEMENT_CATEGORY_CYBER_VIOLENCE"
                                + " KEYWORD_NON_CONSENSUAL_IMAGE_SHARING",
                        "CYBERFLASHING STANDARD CYBERFLASHING STATEMENT_CATEGORY_CYBER_VIOLENCE"
                                + " KEYWORD_CYBER_HARASSMENT");
    }

    @Test
    void marksOnlyThreatsUrgent() {
        assertThat(Arrays.stream(ReportReason.values()).filter(ReportReason::urgent))
                .containsExactly(ReportReason.THREATENED_TO_SHARE);
    }

    @Test
    void letsTheMoreUrgentReasonWinAndKeepsTheFirstOfEquals() {
        assertThat(ReportReason.SHARED_WITHOUT_CONSENT.moreUrgent(ReportReason.THREATENED_TO_SHARE))
                .isEqualTo(ReportReason.THREATENED_TO_SHARE);
        assertThat(ReportReason.THREATENED_TO_SHARE.moreUrgent(ReportReason.CYBERFLASHING))
                .isEqualTo(ReportReason.THREATENED_TO_SHARE);
        assertThat(ReportReason.CYBERFLASHING.moreUrgent(ReportReason.FAKE_OR_ALTERED))
                .isEqualTo(ReportReason.FAKE_OR_ALTERED);
        assertThat(ReportReason.FAKE_OR_ALTERED.moreUrgent(ReportReason.TAKEN_WITHOUT_CONSENT))
                .isEqualTo(ReportReason.FAKE_OR_ALTERED);
    }

    @Test
    void namesEveryReasonInTheApiPatternAndNothingElse() {
        assertThat(ReportReason.NAMES)
                .isEqualTo(Arrays.stream(ReportReason.values()).map(Enum::name).collect(Collectors.joining("|")));
        assertThat(ReportReason.named("THREATENED_TO_SHARE")).contains(ReportReason.THREATENED_TO_SHARE);
        assertThat(ReportReason.named("threatened_to_share")).isEmpty();
        assertThat(ReportReason.named("BLACKMAIL")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ReportReason.class)
    void setsSeverityByTheReasonUnlessThePersonShownWasUnder18(ReportReason reason) {
        assertThat(Severity.ofReport(true, reason)).isEqualTo(Severity.CHILD_SEXUAL_ABUSE);
        assertThat(Severity.ofReport(false, reason))
                .isEqualTo(reason == ReportReason.CYBERFLASHING ? Severity.OTHER : Severity.INTIMATE_IMAGE_ABUSE);
    }

    private static NewReport report(Optional<ReportReason> reason) {
        var role = ReporterRole.SUBJECT;
        var declarations = new Declarations(true, true, true);
        var locators = List.of(ContentLocator.of("https://platform.example/p/1"));
        return reason.map(r -> new NewReport(
                        role, declarations, "Sam", locators, Optional.empty(), false, Optional.empty(), r))
                .orElseGet(() ->
                        new NewReport(role, declarations, "Sam", locators, Optional.empty(), false, Optional.empty()));
    }

    @Test
    void readsAReportWithoutAReasonAsSharedWithoutConsentWithItsEarlierDigest() {
        NewReport withoutReason = report(Optional.empty());
        assertThat(withoutReason.reason()).isEqualTo(ReportReason.SHARED_WITHOUT_CONSENT);
        // The digest a retry is compared with is what it was before reasons existed.
        String before = NewReport.sha256Hex("report\u0000PUBLIC\u0000SUBJECT\u0000" + withoutReason.declarations()
                + "\u0000Sam\u0000false\u0000\u0000\u0000https://platform.example/p/1");
        assertThat(withoutReason.fingerprint(Channel.PUBLIC)).isEqualTo(before);
        assertThat(report(Optional.of(ReportReason.SHARED_WITHOUT_CONSENT)).fingerprint(Channel.PUBLIC))
                .isEqualTo(before);
        assertThat(report(Optional.of(ReportReason.THREATENED_TO_SHARE)).fingerprint(Channel.PUBLIC))
                .isNotEqualTo(before);
    }
}
