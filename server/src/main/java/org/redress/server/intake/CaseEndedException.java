package org.redress.server.intake;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** The case ended (the content was removed, or not, or referred): withdrawing a report changes nothing now. */
public final class CaseEndedException extends DomainException {

    public static final URI TYPE = URI.create("/problems/case-ended");

    private static final long serialVersionUID = 1L;

    CaseEndedException(CaseState state) {
        super(
                TYPE,
                Kind.CONFLICT,
                "This case has ended; a report can no longer be withdrawn.",
                Map.of("state", state.name()));
    }
}
