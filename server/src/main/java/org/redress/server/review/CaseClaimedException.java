package org.redress.server.review;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** Another moderator holds an unexpired claim on the case. */
public final class CaseClaimedException extends DomainException {

    public static final URI TYPE = URI.create("/problems/case-claimed");

    private static final long serialVersionUID = 1L;

    CaseClaimedException(String caseRef) {
        super(TYPE, Kind.CONFLICT, "Another moderator holds the claim on this case.", Map.of("caseRef", caseRef));
    }
}
