package org.redress.server.referral;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** A withdrawal without a reason, or with one that is too long. */
public final class ReferralWithdrawalInvalidException extends DomainException {

    public static final URI TYPE = URI.create("/problems/referral-withdrawal-invalid");

    private static final long serialVersionUID = 1L;

    public ReferralWithdrawalInvalidException() {
        super(
                TYPE,
                Kind.INVALID,
                "A withdrawal needs a reason of 1 to " + Referrals.MAX_WITHDRAWAL_REASON + " characters.",
                Map.of());
    }
}
