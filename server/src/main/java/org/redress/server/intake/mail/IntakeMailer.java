package org.redress.server.intake.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.redress.server.intake.Progress;
import org.redress.server.storage.OutboxClaims;
import org.redress.server.storage.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains intake's outbox: sends each due message once, skips (and cancels) messages to reporters
 * who opted out, and retries failures with exponential backoff (1 minute doubling, at most 6 hours
 * apart). Without a configured mail server ({@code spring.mail.host}) messages wait. E-mails name
 * the case reference only: never the content or the report's text, and the status token only in
 * the one message a reporter asks for on their receipt.
 */
@Component
public class IntakeMailer {

    private static final Logger log = LoggerFactory.getLogger(IntakeMailer.class);

    // Long enough for a batch of 50 to reach a slow mail server; a crashed replica's claims lapse after it.
    private static final Duration LEASE = Duration.ofMinutes(10);

    private static final OutboxClaims.Backoff BACKOFF =
            new OutboxClaims.Backoff(Duration.ofMinutes(1), Duration.ofHours(6));

    private final IntakeOutbox outbox;
    private final ObjectProvider<JavaMailSender> sender;
    private final Clock clock;
    private final String from;

    public IntakeMailer(
            IntakeOutbox outbox,
            ObjectProvider<JavaMailSender> sender,
            Clock clock,
            @Value("${redress.intake.mail-from:no-reply@redress.invalid}") String from) {
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
        this.from = from;
    }

    @Scheduled(
            fixedDelayString = "${redress.intake.mail-interval:PT30S}",
            initialDelayString = "${redress.intake.mail-interval:PT30S}")
    void scheduled() {
        dispatch();
    }

    /** Sends what is due; returns how many messages were sent. */
    public synchronized int dispatch() {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return 0;
        }
        int sent = 0;
        String claimant = UUID.randomUUID().toString();
        for (IntakeOutbox.Due due : outbox.claim(claimant, SqlDialect.truncate(clock.instant()), LEASE, 50)) {
            Instant now = SqlDialect.truncate(clock.instant());
            // A status link goes out because the person asked for it just then, opt-out or not.
            boolean asked = due.kind().equals(IntakeOutbox.STATUS_LINK);
            if ((due.messagesStopped() && !asked) || due.email().isEmpty()) {
                outbox.markCancelled(due.id(), now);
                continue;
            }
            try {
                mail.send(message(due));
                outbox.markSent(due.id(), now);
                sent++;
            } catch (MailException e) {
                Duration wait = BACKOFF.after(due.attempts() + 1);
                outbox.retryLater(due.id(), now.plus(wait));
                log.warn(
                        "Sending message {} failed ({}); retrying in {} minutes",
                        due.id(),
                        e.getClass().getSimpleName(),
                        wait.toMinutes());
            }
        }
        return sent;
    }

    private SimpleMailMessage message(IntakeOutbox.Due due) {
        if (due.kind().equals("ACKNOWLEDGEMENT")) {
            return acknowledgement(due);
        }
        if (due.kind().equals(IntakeOutbox.COMPLAINT_ACKNOWLEDGEMENT)) {
            return complaintAcknowledgement(due);
        }
        if (due.kind().equals(IntakeOutbox.STATUS_LINK)) {
            return statusLink(due);
        }
        if (due.kind().equals(IntakeOutbox.COMPLAINT_ANSWER)) {
            return complaintAnswer(due);
        }
        Progress progress = Progress.valueOf(due.kind());
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(due.email().orElseThrow());
        message.setSubject("News on your report " + due.caseRef().value());
        message.setText("""
                %s

                Your case reference is %s. The private link in your receipt shows the whole history of your case.
                """.formatted(progress.plain(), due.caseRef().value()));
        return message;
    }

    private SimpleMailMessage acknowledgement(IntakeOutbox.Due due) {
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(due.email().orElseThrow());
        message.setSubject("We received your report " + due.caseRef().value());
        message.setText("""
                We received your report. Your case reference is %s.

                We will review it and, if the content breaks the rules, remove it within the legal deadline.
                You can follow your case, withdraw it, stop these messages or complain with the private link
                in your receipt.

                You are not to blame. If you need support, the Revenge Porn Helpline (UK,
                https://revengepornhelpline.org.uk/) and the Cyber Civil Rights Initiative (US,
                https://cybercivilrights.org/ccri-crisis-helpline/) can help.
                """.formatted(due.caseRef().value()));
        return message;
    }

    /** The one message with the private link in it, sent only because the reporter asked for it. */
    private SimpleMailMessage statusLink(IntakeOutbox.Due due) {
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(due.email().orElseThrow());
        message.setSubject("Your private link for case " + due.caseRef().value());
        message.setText("""
                You asked us to send you the private link to your case %s:

                %s

                Anyone with this link can see and withdraw your report. Keep this e-mail somewhere only you
                can open, or delete it once you have saved the link.
                """.formatted(due.caseRef().value(), due.link().orElseThrow()));
        return message;
    }

    /** The answer to a complaint: the outcome's sentence and the moderator's reply, nothing of the content. */
    private SimpleMailMessage complaintAnswer(IntakeOutbox.Due due) {
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(due.email().orElseThrow());
        message.setSubject(
                "The answer to your complaint about case " + due.caseRef().value());
        message.setText("""
                We have answered your complaint about case %s.

                %s

                The answer is also on your case's page, with the private link in your receipt.
                """.formatted(due.caseRef().value(), due.link().orElseThrow()));
        return message;
    }

    private SimpleMailMessage complaintAcknowledgement(IntakeOutbox.Due due) {
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(due.email().orElseThrow());
        message.setSubject(
                "We received your complaint about case " + due.caseRef().value());
        message.setText("""
                We received your complaint about case %s.

                Complaints by the person shown, or by someone acting for them, are answered first. We will
                tell you what we decide, by e-mail and on your case's page, which also shows when we will
                answer at the latest. You can follow your case with the private link in your receipt.
                """.formatted(due.caseRef().value()));
        return message;
    }
}
