package org.redress.server.review;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** The case changed since the moderator loaded it (optimistic locking). */
public final class CaseChangedException extends DomainException {

    public static final URI TYPE = URI.create("/problems/case-changed");

    private static final long serialVersionUID = 1L;

    CaseChangedException(String caseRef) {
        super(
                TYPE,
                Kind.CONFLICT,
                "The case changed since you loaded it; reload it and decide again.",
                Map.of("caseRef", caseRef));
    }
}
