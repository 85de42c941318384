package org.redress.server.review;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** The caller does not hold an unexpired claim on the case they act on. */
public final class NotClaimantException extends DomainException {

    public static final URI TYPE = URI.create("/problems/not-claimant");

    private static final long serialVersionUID = 1L;

    NotClaimantException(String caseRef) {
        super(
                TYPE,
                Kind.CONFLICT,
                "Claim the case before deciding it; your claim may have expired or been reassigned.",
                Map.of("caseRef", caseRef));
    }
}
