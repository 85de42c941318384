package org.redress.server.referral;

import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;

/**
 * An audited referral step, about the referral: {@code referral.sent} (the agency finished the
 * report), {@code referral.report-exported} (staff took the built report out to file it by hand) or
 * {@code referral.reference-recorded} (staff recorded the reference the agency gave them),
 * {@code referral.withdrawn} (compliance staff withdrew it before it was finished) or
 * {@code referral.retracted} (NCMEC retracted the report it had opened, after a withdrawal).
 *
 * @param actor who took the step
 * @param action what it was
 * @param referralId the referral
 */
public record ReferralChanged(Actor actor, String action, String referralId) implements AuditedChange {

    private static final AuditSubject.Type REFERRAL = new AuditSubject.Type("referral_referral");

    @Override
    public AuditSubject subject() {
        return REFERRAL.of(referralId);
    }
}
