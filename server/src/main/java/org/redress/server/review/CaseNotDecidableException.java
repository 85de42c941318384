package org.redress.server.review;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** The case was decided, withdrawn or removed already. */
public final class CaseNotDecidableException extends DomainException {

    public static final URI TYPE = URI.create("/problems/case-not-decidable");

    private static final long serialVersionUID = 1L;

    CaseNotDecidableException(String caseRef, ReviewState state) {
        super(
                TYPE,
                Kind.CONFLICT,
                "The case is not waiting for a decision.",
                Map.of("caseRef", caseRef, "state", state.name()));
    }
}
