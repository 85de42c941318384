package org.redress.server.referral;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** A reference to record that is missing, blank, too long or not printable. */
public final class ReferralReferenceInvalidException extends DomainException {

    public static final URI TYPE = URI.create("/problems/referral-reference-invalid");

    private static final long serialVersionUID = 1L;

    public ReferralReferenceInvalidException() {
        super(
                TYPE,
                Kind.INVALID,
                "A reference is 1 to " + Referrals.MAX_REFERENCE + " printable characters.",
                Map.of());
    }
}
