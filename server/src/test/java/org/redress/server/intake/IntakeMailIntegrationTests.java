package org.redress.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.TestDatabase;
import org.redress.server.shared.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
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
        return new IntakeContext(db, new Class<?>[] { Smtp.class }, "--test.smtp.port=" + smtp.getSmtp().getPort());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void acknowledgesAReportWithContactDetailsOnceWithoutTheToken(TestDatabase.Vendor vendor) throws Exception {
        try (var db = TestDatabase.create(vendor); var context = context(db)) {
            var receipt = context.intake().report(PUBLIC, Channel.PUBLIC, IntakeIntegrationTests.report(false, "id:mail"), Optional.empty());
            context.intake().report(PUBLIC, Channel.PUBLIC, new NewReport(ReporterRole.BYSTANDER, new Declarations(true, true, true),
                    "No Contact", java.util.List.of(ContentLocator.of("id:mail-2")), Optional.empty(), false, Optional.empty()),
                    Optional.empty());
            var mailer = context.bean(IntakeMailer.class);

            assertThat(mailer.dispatch()).isEqualTo(1);
            assertThat(mailer.dispatch()).isZero();

            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("alex@example.org");
            assertThat(received[0].getSubject()).contains(receipt.caseRef().value());
            String body = GreenMailUtil.getBody(received[0]);
            assertThat(body).contains(receipt.caseRef().value()).doesNotContain(receipt.statusToken())
                    .doesNotContain("former partner");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void sendsNothingAfterTheReporterStopsMessages(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor); var context = context(db)) {
            var receipt = context.intake().report(PUBLIC, Channel.PUBLIC, IntakeIntegrationTests.report(false, "id:quiet"), Optional.empty());
            context.intake().stopMessages(PUBLIC, receipt.caseRef().value(), receipt.statusToken());

            assertThat(context.bean(IntakeMailer.class).dispatch()).isZero();

            assertThat(smtp.getReceivedMessages()).isEmpty();
            assertThat(context.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM intake_outbox WHERE cancelled_at IS NOT NULL")
                    .query(Integer.class).single()).isEqualTo(1);
        }
    }
}
