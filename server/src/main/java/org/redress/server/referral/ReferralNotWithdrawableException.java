package org.redress.server.referral;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/**
 * A withdrawal of a referral that is finished at the agency or withdrawn already, or that the
 * sender is taking a step of right now (try again once the step is done).
 */
public final class ReferralNotWithdrawableException extends DomainException {

    public static final URI TYPE = URI.create("/problems/referral-not-withdrawable");

    private static final long serialVersionUID = 1L;

    ReferralNotWithdrawableException(ReferralState state, boolean busy) {
        super(
                TYPE,
                Kind.CONFLICT,
                busy
                        ? "The referral is being sent right now; try again in a minute."
                        : "Only a referral that is not finished at the agency can be withdrawn.",
                Map.of("state", state.name()));
    }
}
