package org.redress.server.referral;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/**
 * A reference recorded by hand for a referral the sender files itself, or one that is still being
 * built: only a referral waiting for staff to file it ({@code MANUAL}) takes one.
 */
public final class ReferralNotManualException extends DomainException {

    public static final URI TYPE = URI.create("/problems/referral-not-manual");

    private static final long serialVersionUID = 1L;

    public ReferralNotManualException(ReferralState state) {
        super(
                TYPE,
                Kind.CONFLICT,
                "Only a referral that staff file by hand takes a reference recorded by hand.",
                Map.of("state", state.name()));
    }
}
