package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.pdq.PdqHash;
import org.redress.pdq.Quality;
import org.redress.server.TestDatabase;
import org.redress.server.audit.AuditTrail;
import org.redress.server.audit.ChainVerification;
import org.redress.server.intake.cases.IntakeCases;
import org.redress.server.intake.cases.StatusToken;
import org.redress.server.intake.mail.IntakeOutbox;
import org.redress.server.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The intake facade against a real SQLite and a real PostgreSQL. */
class IntakeIntegrationTests {

    private static final Actor PUBLIC = new Actor.Public();

    static NewReport report(boolean under18, String... locators) {
        return new NewReport(
                ReporterRole.SUBJECT,
                new Declarations(true, true, true),
                "Alex Example",
                List.of(locators).stream().map(ContentLocator::of).toList(),
                Optional.of("alex@example.org"),
                under18,
                Optional.of("Posted by my former partner"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void joinsReportsAboutTheSameContentIntoOneCaseWithOwnTokens(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = new IntakeContext(db)) {
            var first = context.intake()
                    .report(PUBLIC, Channel.PUBLIC, report(false, "https://Example.com/p/1#top"), Optional.empty());
            var second = context.intake()
                    .report(
                            PUBLIC,
                            Channel.PUBLIC,
                            report(false, "https://example.com/p/1", "id:42"),
                            Optional.empty());
            var other = context.intake()
                    .report(PUBLIC, Channel.PUBLIC, report(false, "https://example.com/p/2"), Optional.empty());

            // Joined reports share the case (what ReportReceived names) but each has its own reference.
            assertThat(second.caseRef()).isNotEqualTo(first.caseRef());
            assertThat(other.caseRef()).isNotEqualTo(first.caseRef());
            assertThat(second.statusToken()).isNotEqualTo(first.statusToken());
            var third = context.intake().report(PUBLIC, Channel.PUBLIC, report(false, "id:42"), Optional.empty());
            assertThat(third.caseRef()).isNotEqualTo(first.caseRef()).isNotEqualTo(second.caseRef());
            assertThat(context.events(ReportReceived.class))
                    .extracting(ReportReceived::caseRef)
                    .containsExactly(first.caseRef(), first.caseRef(), other.caseRef(), first.caseRef());
            assertThat(context.intake()
                            .status(first.caseRef().value(), first.statusToken())
                            .history())
                    .extracting(CaseStatus.Event::what)
                    .containsExactly("REPORT_RECEIVED");
            assertThat(context.events(ReportReceived.class)).hasSize(4);
            assertThat(context.bean(AuditTrail.class).verify()).isInstanceOf(ChainVerification.Intact.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void storesContactDescriptionAndSignatureEncryptedAndTokensHashed(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = new IntakeContext(db)) {
            var receipt =
                    context.intake().report(PUBLIC, Channel.PUBLIC, report(false, "id:secret-test"), Optional.empty());
            var row = context.bean(JdbcClient.class)
                    .sql("SELECT signature_enc, contact_email_enc, description_enc, token_hash FROM intake_report")
                    .query()
                    .singleRow();
            assertThat(row.values().toString())
                    .doesNotContain("alex@example.org")
                    .doesNotContain("Alex Example")
                    .doesNotContain("former partner")
                    .doesNotContain(receipt.statusToken());
            assertThat((String) row.get("contact_email_enc")).startsWith("v1:");
            assertThat(row.get("token_hash")).isEqualTo(StatusToken.hash(receipt.statusToken()));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void routesAChildCaseToChildProtectionWithAReferral(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = new IntakeContext(db)) {
            var adult = context.intake().report(PUBLIC, Channel.PUBLIC, report(false, "id:shared"), Optional.empty());
            assertThat(adult.route()).isEqualTo(Route.INTIMATE_IMAGE);
            var child = context.intake().report(PUBLIC, Channel.PUBLIC, report(true, "id:shared"), Optional.empty());

            // The child report joins the adult's case (which its reference names) but gets its own reference.
            assertThat(child.caseRef()).isNotEqualTo(adult.caseRef());
            assertThat(child.route()).isEqualTo(Route.CHILD_PROTECTION);
            assertThat(context.bean(IntakeCases.class).referralState(adult.caseRef()))
                    .contains("OPEN");
            assertThat(context.events(ReportReceived.class))
                    .extracting(ReportReceived::caseRef)
                    .containsOnly(adult.caseRef());
            // Each reporter sees the route of their own report, never another's.
            assertThat(context.intake()
                            .status(adult.caseRef().value(), adult.statusToken())
                            .route())
                    .isEqualTo(Route.INTIMATE_IMAGE);
            assertThat(context.intake()
                            .status(child.caseRef().value(), child.statusToken())
                            .route())
                    .isEqualTo(Route.CHILD_PROTECTION);
            assertThat(context.events(ReportReceived.class))
                    .extracting(ReportReceived::subjectWasUnder18)
                    .containsExactly(false, true);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void answersARetryWithTheOriginalReceiptAndRefusesAReusedKey(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = new IntakeContext(db)) {
            var first =
                    context.intake().report(PUBLIC, Channel.PUBLIC, report(false, "id:retry"), Optional.of("key-1"));
            var again =
                    context.intake().report(PUBLIC, Channel.PUBLIC, report(false, "id:retry"), Optional.of("key-1"));

            assertThat(again).isEqualTo(first);
            assertThat(context.bean(JdbcClient.class)
                            .sql("SELECT COUNT(*) FROM intake_report")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            assertThatThrownBy(() -> context.intake()
                            .report(PUBLIC, Channel.PUBLIC, report(false, "id:other"), Optional.of("key-1")))
                    .isInstanceOf(IdempotencyKeyReusedException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void setsDeadlinesByChannelAndKeepsTheEarliest(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = new IntakeContext(db)) {
            var open = context.intake().report(PUBLIC, Channel.PUBLIC, report(false, "id:deadline"), Optional.empty());
            assertThat(Duration.between(
                            open.receivedAt(), open.removalDeadline().orElseThrow()))
                    .isEqualTo(Duration.ofHours(48));
            var notice =
                    context.intake().report(PUBLIC, Channel.REGULATOR, report(false, "id:deadline"), Optional.empty());
            assertThat(Duration.between(
                            notice.receivedAt(), notice.removalDeadline().orElseThrow()))
                    .isEqualTo(Duration.ofHours(24));
            assertThat(context.bean(IntakeCases.class)
                            .find(open.caseRef())
                            .orElseThrow()
                            .priority())
                    .isEqualTo(Channel.REGULATOR);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void withdrawsTheCaseWhenItsLastReportIsWithdrawn(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = new IntakeContext(db)) {
            var hashes = List.of(new SubmittedHash(
                    PdqHash.fromHex("a5".repeat(32)),
                    Optional.of(new Quality(100)),
                    Optional.empty(),
                    Optional.empty()));
            var receipt = context.intake()
                    .protect(
                            PUBLIC,
                            new NewHashSubmission(new Declarations(true, true, true), hashes, Optional.empty()),
                            Optional.empty());
            assertThat(context.events(HashesSubmitted.class))
                    .singleElement()
                    .satisfies(e -> assertThat(e.hashes()).isEqualTo(hashes));

            var status = context.intake().withdraw(PUBLIC, receipt.caseRef().value(), receipt.statusToken());

            assertThat(status.state()).isEqualTo(CaseState.WITHDRAWN);
            assertThat(status.history())
                    .extracting(CaseStatus.Event::what)
                    .containsExactly("HASHES_RECEIVED", "REPORT_WITHDRAWN", "CASE_WITHDRAWN");
            assertThat(context.events(ReportWithdrawn.class))
                    .extracting(ReportWithdrawn::caseRef)
                    .containsExactly(receipt.caseRef());
            assertThatThrownBy(() ->
                            context.intake().withdraw(PUBLIC, receipt.caseRef().value(), receipt.statusToken()))
                    .isInstanceOf(ReportWithdrawnAlreadyException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void storesAComplaintEncryptedAcknowledgesItAndPublishesItWithoutItsText(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = new IntakeContext(db)) {
            var receipt =
                    context.intake().report(PUBLIC, Channel.PUBLIC, report(false, "id:complained"), Optional.empty());
            var jdbc = context.bean(JdbcClient.class);
            int acknowledgementsBefore = jdbc.sql("SELECT COUNT(*) FROM intake_outbox")
                    .query(Integer.class)
                    .single();

            var answer = context.intake()
                    .complain(
                            PUBLIC,
                            receipt.caseRef().value(),
                            receipt.statusToken(),
                            "Nobody has removed the image after three days");

            assertThat(context.intake().complaints(receipt.caseRef()))
                    .singleElement()
                    .satisfies(complaint -> {
                        assertThat(complaint.id()).isEqualTo(answer.complaintId());
                        assertThat(complaint.receivedAt()).isEqualTo(answer.receivedAt());
                        assertThat(complaint.text()).isEqualTo("Nobody has removed the image after three days");
                    });
            var row = jdbc.sql("SELECT case_ref, report_id, text_enc FROM intake_complaint")
                    .query()
                    .singleRow();
            assertThat(row.get("case_ref")).isEqualTo(receipt.caseRef().value());
            assertThat((String) row.get("text_enc")).startsWith("v1:").doesNotContain("three days");
            assertThat(context.events(ComplaintReceived.class))
                    .containsExactly(new ComplaintReceived(
                            receipt.caseRef(), answer.complaintId(), answer.receivedAt(), ComplaintType.DELAY, true));
            assertThat(answer.status().history())
                    .extracting(CaseStatus.Event::what)
                    .containsExactly("REPORT_RECEIVED", "COMPLAINT_RECEIVED");
            assertThat(jdbc.sql("SELECT kind FROM intake_outbox ORDER BY created_at, kind")
                            .query(String.class)
                            .list())
                    .hasSize(acknowledgementsBefore + 1)
                    .contains(IntakeOutbox.COMPLAINT_ACKNOWLEDGEMENT);
            assertThat(context.bean(AuditTrail.class).verify()).isInstanceOf(ChainVerification.Intact.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void storesNoComplaintForAWrongTokenOrAnEmptyText(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = new IntakeContext(db)) {
            var receipt = context.intake()
                    .report(PUBLIC, Channel.PUBLIC, report(false, "id:not-complained"), Optional.empty());
            String ref = receipt.caseRef().value();

            assertThatThrownBy(() -> context.intake().complain(PUBLIC, ref, "wrong-token", "Too slow"))
                    .isInstanceOf(CaseNotFoundException.class);
            assertThatThrownBy(() ->
                            context.intake().complain(PUBLIC, "RD-0000-0000-0000", receipt.statusToken(), "Too slow"))
                    .isInstanceOf(CaseNotFoundException.class);
            assertThatThrownBy(() -> context.intake().complain(PUBLIC, ref, receipt.statusToken(), "   "))
                    .isInstanceOf(IllegalArgumentException.class);

            assertThat(context.intake().complaints(receipt.caseRef())).isEmpty();
            assertThat(context.events(ComplaintReceived.class)).isEmpty();
            assertThat(context.intake().status(ref, receipt.statusToken()).history())
                    .extracting(CaseStatus.Event::what)
                    .containsExactly("REPORT_RECEIVED");
        }
    }
}
