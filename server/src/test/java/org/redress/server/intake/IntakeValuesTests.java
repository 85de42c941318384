package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.redress.pdq.PdqHash;
import org.redress.server.intake.cases.IdempotentAnswers;
import org.redress.server.intake.cases.StatusToken;
import org.redress.server.intake.cases.StoredReport;
import org.redress.server.shared.CaseRef;

class IntakeValuesTests {

    private static NewReport report() {
        return IntakeIntegrationTests.report(false, "id:1");
    }

    @Test
    void redactsPersonalDataInANewReport() {
        assertThat(report().toString())
                .doesNotContain("Alex")
                .doesNotContain("alex@example.org")
                .doesNotContain("partner")
                .contains("SUBJECT");
    }

    @Test
    void redactsTheContactInAHashSubmission() {
        var submission = new NewHashSubmission(
                new Declarations(true, true, true),
                List.of(new SubmittedHash(PdqHash.zero(), Optional.empty(), Optional.empty(), Optional.empty())),
                Optional.of("kim@example.org"));
        assertThat(submission.toString()).doesNotContain("kim@example.org");
    }

    @Test
    void redactsTheTextOfAComplaint() {
        var complaint = new Complaint("c-1", Instant.EPOCH, "The moderator ignored my report");
        assertThat(complaint.toString()).doesNotContain("moderator").contains("c-1");
    }

    @Test
    void acceptsComplaintsOfOneToFourThousandCharactersOnly() {
        assertThat(new Complaint("c-1", Instant.EPOCH, "x".repeat(4_000)).text())
                .hasSize(4_000);
        assertThatThrownBy(() -> new Complaint("c-1", Instant.EPOCH, "x".repeat(4_001)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("xxx");
        assertThatThrownBy(() -> new Complaint("c-1", Instant.EPOCH, " \n "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void redactsTheStatusTokenInAReceipt() {
        var receipt = new Receipt(
                new CaseRef("RD-2345-6789-ABCD"),
                "secret-token-value",
                Instant.EPOCH,
                Optional.empty(),
                Route.PROTECTION);
        assertThat(receipt.toString()).doesNotContain("secret-token-value").contains("RD-2345-6789-ABCD");
    }

    @Test
    void redactsTheContactInAStoredReport() {
        var stored = new StoredReport(
                "r1",
                new CaseRef("RD-2345-6789-ABCD"),
                new CaseRef("RD-2345-6789-ABCD"),
                Channel.PUBLIC,
                false,
                java.time.Instant.parse("2026-12-01T00:00:00Z"),
                Optional.of("lee@example.org"),
                false,
                Optional.empty());
        assertThat(stored.toString()).doesNotContain("lee@example.org");
    }

    @Test
    void redactsTheRememberedReceipt() {
        var remembered = new IdempotentAnswers.Remembered(
                "f",
                new Receipt(
                        new CaseRef("RD-2345-6789-ABCD"),
                        "tok-secret",
                        Instant.EPOCH,
                        Optional.empty(),
                        Route.PROTECTION));
        assertThat(remembered.toString()).doesNotContain("tok-secret");
    }

    @Test
    void refusesAReportWithoutEveryDeclaration() {
        assertThatThrownBy(() -> new NewReport(
                        ReporterRole.SUBJECT,
                        new Declarations(true, false, true),
                        "A B",
                        List.of(ContentLocator.of("id:1")),
                        Optional.empty(),
                        false,
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void letsABystanderReportWithoutClaimingToBeThePersonShown() {
        var bystander = new NewReport(
                ReporterRole.BYSTANDER,
                new Declarations(true, false, true),
                "A B",
                List.of(ContentLocator.of("id:1")),
                Optional.empty(),
                false,
                Optional.empty());

        assertThat(bystander.reporterRole()).isEqualTo(ReporterRole.BYSTANDER);
        assertThatThrownBy(() -> new NewReport(
                        ReporterRole.BYSTANDER,
                        new Declarations(true, false, false),
                        "A B",
                        List.of(ContentLocator.of("id:1")),
                        Optional.empty(),
                        false,
                        Optional.empty()))
                .as("good faith is declared by every reporter")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void takesAReportAboutAChildWithoutATypedNameButNoOtherUnsignedReport() {
        var aboutAChild = new NewReport(
                ReporterRole.ON_BEHALF,
                new Declarations(true, true, true),
                "  ",
                List.of(ContentLocator.of("id:2")),
                Optional.empty(),
                true,
                Optional.empty());

        assertThat(aboutAChild.signature()).isEmpty();
        assertThatThrownBy(() -> new NewReport(
                        ReporterRole.ON_BEHALF,
                        new Declarations(true, true, true),
                        "",
                        List.of(ContentLocator.of("id:2")),
                        Optional.empty(),
                        false,
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normalisesUrlsSoTheSameContentMatches() {
        assertThat(ContentLocator.of("  HTTPS://Example.COM/Path?q=1#frag "))
                .isEqualTo(ContentLocator.of("https://example.com/Path?q=1"));
        assertThat(ContentLocator.of("post:ABC")).isNotEqualTo(ContentLocator.of("post:abc"));
    }

    @Test
    void generatesStatusTokensOf256RandomBits() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            String token = StatusToken.generate();
            assertThat(StatusToken.wellFormed(token)).isTrue();
            seen.add(token);
        }
        assertThat(seen).hasSize(1000);
        assertThat(StatusToken.hash("a")).hasSize(64).isNotEqualTo(StatusToken.hash("b"));
    }

    @Test
    void givesRegulatorNoticesA24HourAndOthersA48HourDeadline() {
        assertThat(Channel.REGULATOR.removalDeadline(Instant.EPOCH)).isEqualTo(Instant.EPOCH.plusSeconds(24 * 3600));
        assertThat(Channel.PUBLIC.removalDeadline(Instant.EPOCH)).isEqualTo(Instant.EPOCH.plusSeconds(48 * 3600));
        assertThat(Channel.PUBLIC.max(Channel.FLAGGER)).isEqualTo(Channel.FLAGGER);
    }

    @Test
    void makesCaseReferencesOfTheDocumentedShape() {
        assertThat(CaseRefs.next(CaseRefs.REPORTS).value()).matches("RD-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
        assertThat(CaseRefs.next("RM").value()).matches("RM-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
        assertThatThrownBy(() -> CaseRefs.next("rd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaseRefs.next("R-D")).isInstanceOf(IllegalArgumentException.class);
    }
}
