package org.redress.server.referral;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** No referral has the id asked for. */
public final class ReferralNotFoundException extends DomainException {

    public static final URI TYPE = URI.create("/problems/referral-not-found");

    private static final long serialVersionUID = 1L;

    public ReferralNotFoundException() {
        super(TYPE, Kind.NOT_FOUND, "No referral has this id.", Map.of());
    }
}
