package org.redress.server.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.redress.server.review.cases.FollowUpQueue;
import org.redress.server.review.cases.ThreatReferrals;
import org.redress.server.shared.CaseRef;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Threats to life or safety (EU DSA Art. 18: promptly inform law enforcement). Marking a case
 * creates a referral with its own clock, puts the case at the head of the queue, and queues the
 * message to the configured contact, sent right after the commit and retried until it goes out.
 */
@Component
class ThreatDesk {

    private final ThreatReferrals referrals;
    private final FollowUpQueue followUps;
    private final ThreatSettings settings;
    private final CaseLog log;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    ThreatDesk(
            ThreatReferrals referrals,
            FollowUpQueue followUps,
            ThreatSettings settings,
            CaseLog log,
            ObjectProvider<JavaMailSender> mail,
            @Value("${redress.intake.mail-from:no-reply@redress.invalid}") String from) {
        this.referrals = referrals;
        this.followUps = followUps;
        this.settings = settings;
        this.log = log;
        this.mail = mail;
        this.from = from;
    }

    /**
     * Marks the case: the referral, the case due by the response target at the latest, the
     * history and the audit, and the message queued. A case marked before is not marked again
     * until its referral went out; the open referral is returned instead.
     *
     * @throws InvalidThreatReasonException when the reason is blank or too long
     */
    ThreatReferral mark(Moderator moderator, ReviewCase reviewCase, String reason) {
        String stripped = reason.strip();
        if (stripped.isEmpty() || stripped.length() > ThreatReferral.MAX_REASON) {
            throw new InvalidThreatReasonException();
        }
        CaseRef ref = reviewCase.ref();
        Optional<ThreatReferral> open = referrals.forCase(ref).stream()
                .filter(r -> r.notifiedAt().isEmpty())
                .findFirst();
        if (open.isPresent()) {
            return open.get();
        }
        Instant now = log.now();
        Instant due = now.plus(settings.responseTarget());
        var referral = new ThreatReferral(
                UUID.randomUUID().toString(),
                ref,
                moderator.username(),
                now,
                stripped,
                settings.contactAddress(),
                due,
                Optional.empty());
        referrals.insert(referral);
        if (reviewCase.state().decidable()) {
            log.save(reviewCase.dueNoLaterThan(due));
        }
        log.step(ref, moderator.actor(), HistoryStep.THREAT_MARKED, Optional.of("due " + due));
        log.audit(moderator.actor(), "case.threat-marked", ref);
        if (referral.contact().isPresent()) {
            followUps.queue(ref, referral.id(), FollowUpQueue.Kind.NOTIFY_THREAT, now);
        }
        return referral;
    }

    List<ThreatReferral> of(CaseRef ref) {
        return referrals.forCase(ref);
    }

    /**
     * Sends the referral's message to the contact; a missing mail server or a failed send throws,
     * so the follow-up is retried.
     */
    void notify(String referralId) {
        ThreatReferral referral = referrals.find(referralId).orElseThrow();
        if (referral.notifiedAt().isPresent() || referral.contact().isEmpty()) {
            return;
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no mail server is configured (spring.mail.host)");
        }
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(referral.contact().get());
        message.setSubject(
                "Threat to life or safety: case " + referral.caseRef().value());
        message.setText("""
                A moderator marked case %s as a threat to life or safety at %s.

                What they saw:
                %s

                The case is at the head of the review queue. Staff can open it in Redress under its reference;
                the evidence can be exported for a law-enforcement request.
                """.formatted(referral.caseRef().value(), referral.markedAt(), referral.reason()));
        sender.send(message);
        Instant now = log.now();
        referrals.markNotified(referral.id(), now);
        log.step(referral.caseRef(), CaseLog.SYSTEM, HistoryStep.THREAT_NOTIFIED, referral.contact());
        log.audit(CaseLog.SYSTEM, "case.threat-notified", referral.caseRef());
    }
}
