package org.redress.server.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.redress.server.review.Review;
import org.redress.server.review.ReviewCaseNotFoundException;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.storage.SqlDialect;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals of child sexual abuse material to the NCA or NCMEC: what staff see of them, the
 * sender's schedule, and the two things compliance staff do by hand for an agency without an
 * endpoint (take the built report out, record the reference the agency gave).
 */
@Service
public class Referrals {

    /** The longest reference staff may record. */
    public static final int MAX_REFERENCE = 100;

    /** The longest reason for a withdrawal. */
    public static final int MAX_WITHDRAWAL_REASON = 500;

    private static final Pattern PRINTABLE = Pattern.compile("[\\p{Graph} ]+");

    private final ReferralStore store;
    private final ReferralSender sender;
    private final Review review;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Referrals(
            ReferralStore store, ReferralSender sender, Review review, ApplicationEventPublisher events, Clock clock) {
        this.review = review;
        this.store = store;
        this.sender = sender;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The case's referrals, oldest first, with their steps.
     *
     * @throws ReviewCaseNotFoundException when there is no such case
     */
    @Transactional(readOnly = true)
    public List<Referral> forCase(CaseRef ref) {
        review.find(ref);
        return store.forCase(ref);
    }

    /** Takes every due referral as far as it goes now; returns how many reached their last step. */
    public int sendDue() {
        return sender.run();
    }

    /**
     * The built report (XML for NCMEC, JSON for the NCA), for filing by hand; audited, as it names
     * the uploader.
     *
     * @throws ReferralNotFoundException when there is no such referral, or it is not built yet
     */
    @Transactional
    public Report report(Actor actor, String id) {
        Referral referral = store.find(id).orElseThrow(ReferralNotFoundException::new);
        String text = store.report(id).orElseThrow(ReferralNotFoundException::new);
        events.publishEvent(new ReferralChanged(actor, "referral.report-exported", id));
        return new Report(referral.agency(), text);
    }

    /**
     * Records the reference the agency gave for a referral staff filed by hand: it is kept as the
     * referral's report id.
     *
     * @throws ReferralNotFoundException when there is no such referral
     * @throws ReferralReferenceInvalidException when the reference is blank, too long or not printable
     * @throws ReferralNotManualException unless the referral waits to be filed by hand
     */
    @Transactional
    public Referral recordReference(Actor actor, String id, String reference) {
        Referral referral = store.find(id).orElseThrow(ReferralNotFoundException::new);
        String trimmed = reference.strip();
        if (trimmed.isEmpty()
                || trimmed.length() > MAX_REFERENCE
                || !PRINTABLE.matcher(trimmed).matches()) {
            throw new ReferralReferenceInvalidException();
        }
        if (referral.state() != ReferralState.MANUAL) {
            throw new ReferralNotManualException(referral.state());
        }
        store.finished(id, Optional.of(trimmed), SqlDialect.truncate(clock.instant()), "REFERENCE_RECORDED");
        events.publishEvent(new ReferralChanged(actor, "referral.reference-recorded", id));
        return store.find(id).orElseThrow();
    }

    /**
     * Withdraws a referral before it is finished at the agency, for a referral made in error (the
     * wrong case, or a decision reversed before the report went out). One NCMEC has opened
     * ({@code SUBMITTED}) becomes {@code WITHDRAWING}, and the sender retracts it at NCMEC
     * ({@code /retract}) at once; any other becomes {@code WITHDRAWN} without a call, since nothing
     * of it reached the agency through this service. Audited as {@code referral.withdrawn}; the
     * reason is kept sealed with the referral.
     *
     * @throws ReferralNotFoundException when there is no such referral
     * @throws ReferralWithdrawalInvalidException when the reason is blank or over 500 characters
     * @throws ReferralNotWithdrawableException when it is finished or withdrawn already, or the
     *     sender is taking one of its steps right now
     */
    @Transactional
    public Referral withdraw(Actor actor, String id, String reason) {
        Referral referral = store.find(id).orElseThrow(ReferralNotFoundException::new);
        String trimmed = reason.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_WITHDRAWAL_REASON) {
            throw new ReferralWithdrawalInvalidException();
        }
        ReferralState state = referral.state();
        if (state == ReferralState.SENT || state == ReferralState.WITHDRAWING || state == ReferralState.WITHDRAWN) {
            throw new ReferralNotWithdrawableException(state, false);
        }
        Instant now = SqlDialect.truncate(clock.instant());
        if (!store.withdraw(id, state, actor.kind() + ":" + actor.id(), trimmed, now)) {
            throw new ReferralNotWithdrawableException(state, true);
        }
        events.publishEvent(new ReferralChanged(actor, "referral.withdrawn", id));
        return store.find(id).orElseThrow();
    }

    /**
     * A built report.
     *
     * @param agency whose format it is in
     * @param text the report
     */
    public record Report(Agency agency, String text) {}
}
