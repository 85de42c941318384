package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.TestDatabase;
import org.redress.server.intake.mail.IntakeMailer;
import org.redress.server.intake.mail.IntakeOutbox;
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Acknowledgements through the outbox to a real (in-process) SMTP server, and the opt-out. */
class IntakeMailIntegrationTests {

    private static final Actor PUBLIC = new Actor.Public();

    /** Not annotated, so that component scans of this package skip it; it is passed as a source. */
    static class Smtp {
        @Bean
        JavaMailSenderImpl mailSender(@Value("${test.smtp.port}") int port) {
            var sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(port);
            return sender;
        }
    }

    private GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private IntakeContext context(TestDatabase db) {
        return new IntakeContext(
                db,
                new Class<?>[] {Smtp.class},
                "--test.smtp.port=" + smtp.getSmtp().getPort());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void acknowledgesAReportWithContactDetailsOnceWithoutTheToken(TestDatabase.Vendor vendor) throws Exception {
        try (var db = TestDatabase.create(vendor);
                var context = context(db)) {
            var receipt = context.intake()
                    .report(PUBLIC, Channel.PUBLIC, IntakeIntegrationTests.report(false, "id:mail"), Optional.empty());
            context.intake()
                    .report(
                            PUBLIC,
                            Channel.PUBLIC,
                            new NewReport(
                                    ReporterRole.BYSTANDER,
                                    new Declarations(true, true, true),
                                    "No Contact",
                                    java.util.List.of(ContentLocator.of("id:mail-2")),
                                    Optional.empty(),
                                    false,
                                    Optional.empty()),
                            Optional.empty());
            var mailer = context.bean(IntakeMailer.class);

            assertThat(mailer.dispatch()).isEqualTo(1);
            assertThat(mailer.dispatch()).isZero();

            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getRecipients(Message.RecipientType.TO)[0].toString())
                    .isEqualTo("alex@example.org");
            assertThat(received[0].getSubject()).contains(receipt.caseRef().value());
            String body = GreenMailUtil.getBody(received[0]);
            assertThat(body)
                    .contains(receipt.caseRef().value())
                    .doesNotContain(receipt.statusToken())
                    .doesNotContain("former partner");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void sendsNothingAfterTheReporterStopsMessages(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = context(db)) {
            var receipt = context.intake()
                    .report(PUBLIC, Channel.PUBLIC, IntakeIntegrationTests.report(false, "id:quiet"), Optional.empty());
            context.intake().stopMessages(PUBLIC, receipt.caseRef().value(), receipt.statusToken());

            assertThat(context.bean(IntakeMailer.class).dispatch()).isZero();

            assertThat(smtp.getReceivedMessages()).isEmpty();
            assertThat(context.bean(JdbcClient.class)
                            .sql("SELECT COUNT(*) FROM intake_outbox WHERE cancelled_at IS NOT NULL")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void acknowledgesAComplaintWithoutItsText(TestDatabase.Vendor vendor) throws Exception {
        try (var db = TestDatabase.create(vendor);
                var context = context(db)) {
            var receipt = context.intake()
                    .report(
                            PUBLIC,
                            Channel.PUBLIC,
                            IntakeIntegrationTests.report(false, "id:complaint-mail"),
                            Optional.empty());
            var mailer = context.bean(IntakeMailer.class);
            assertThat(mailer.dispatch()).isEqualTo(1);

            context.intake()
                    .complain(PUBLIC, receipt.caseRef().value(), receipt.statusToken(), "Still online after two days");

            assertThat(mailer.dispatch()).isEqualTo(1);
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(2);
            assertThat(received[1].getSubject())
                    .contains("complaint")
                    .contains(receipt.caseRef().value());
            assertThat(GreenMailUtil.getBody(received[1]))
                    .contains("complaint")
                    .doesNotContain("two days")
                    .doesNotContain(receipt.statusToken());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void holdsAClaimedMessageBackFromOtherClaimsUntilTheLeaseEnds(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = context(db)) {
            context.intake()
                    .report(
                            PUBLIC,
                            Channel.PUBLIC,
                            IntakeIntegrationTests.report(false, "id:leased"),
                            Optional.empty());
            var outbox = context.bean(IntakeOutbox.class);
            Instant now = Instant.now().plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            Duration lease = Duration.ofMinutes(10);

            assertThat(outbox.claim("replica-a", now, lease, 50)).hasSize(1);
            assertThat(outbox.claim("replica-b", now, lease, 50)).isEmpty();
            assertThat(outbox.claim("replica-b", now.plus(lease).minusMillis(1), lease, 50))
                    .isEmpty();
            var reclaimed = outbox.claim("replica-b", now.plus(lease), lease, 50);
            assertThat(reclaimed).hasSize(1);

            outbox.markSent(reclaimed.getFirst().id(), now.plus(lease));
            assertThat(outbox.claim("replica-c", now.plus(lease.multipliedBy(3)), lease, 50))
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void twoMailersDrainingOneOutboxSendEveryMessageOnce(TestDatabase.Vendor vendor) throws Exception {
        try (var db = TestDatabase.create(vendor);
                var context = context(db)) {
            int reports = 60;
            for (int i = 0; i < reports; i++) {
                context.intake()
                        .report(
                                PUBLIC,
                                Channel.PUBLIC,
                                IntakeIntegrationTests.report(false, "id:replicas-" + i),
                                Optional.empty());
            }
            var outbox = context.bean(IntakeOutbox.class);
            var sender = context.provider(JavaMailSender.class);
            var clock = context.bean(java.time.Clock.class);
            List<IntakeMailer> mailers = List.of(
                    new IntakeMailer(outbox, sender, clock, "a@redress.invalid"),
                    new IntakeMailer(outbox, sender, clock, "b@redress.invalid"));
            var start = new CyclicBarrier(mailers.size());
            ExecutorService pool = Executors.newFixedThreadPool(mailers.size());
            try {
                List<Future<Integer>> sent = new ArrayList<>();
                for (IntakeMailer mailer : mailers) {
                    sent.add(pool.submit(() -> {
                        start.await();
                        int total = 0;
                        for (int n = mailer.dispatch(); n > 0; n = mailer.dispatch()) {
                            total += n;
                        }
                        return total;
                    }));
                }
                assertThat(sent.get(0).get() + sent.get(1).get()).isEqualTo(reports);
            } finally {
                pool.shutdownNow();
            }

            MimeMessage[] received = smtp.getReceivedMessages();
            var subjects = new HashSet<String>();
            for (MimeMessage message : received) {
                subjects.add(message.getSubject());
            }
            assertThat(received).hasSize(reports);
            assertThat(subjects).hasSize(reports);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void sendsTheStatusLinkOnceToTheAddressTheReporterAskedForAndKeepsItSealedMeanwhile(TestDatabase.Vendor vendor)
            throws Exception {
        try (var db = TestDatabase.create(vendor);
                var context = context(db)) {
            var receipt = context.intake()
                    .report(PUBLIC, Channel.PUBLIC, IntakeIntegrationTests.report(false, "id:link"), Optional.empty());
            var mailer = context.bean(IntakeMailer.class);
            assertThat(mailer.dispatch()).isEqualTo(1);
            String link =
                    "https://help.example.org/status/" + receipt.caseRef().value() + "?t=" + receipt.statusToken();

            context.intake()
                    .emailStatusLink(
                            PUBLIC, receipt.caseRef().value(), receipt.statusToken(), "  private@example.net ", link);

            assertThat(context.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                            .sql("SELECT link_enc || ' ' || to_enc FROM intake_outbox WHERE kind = 'STATUS_LINK'")
                            .query(String.class)
                            .single())
                    .doesNotContain(receipt.statusToken())
                    .doesNotContain("private@example.net");
            assertThat(mailer.dispatch()).isEqualTo(1);
            assertThat(mailer.dispatch()).isZero();
            MimeMessage linkMail = smtp.getReceivedMessages()[1];
            assertThat(linkMail.getRecipients(Message.RecipientType.TO)[0].toString())
                    .isEqualTo("private@example.net");
            assertThat(GreenMailUtil.getBody(linkMail).replaceAll("=\\r?\\n", ""))
                    .contains("?t=");
        }
    }
}
