package org.redress.server.review;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** A case can only be reassigned to an enabled moderator or senior moderator. */
public final class ReassignTargetInvalidException extends DomainException {

    public static final URI TYPE = URI.create("/problems/reassign-target-invalid");

    private static final long serialVersionUID = 1L;

    ReassignTargetInvalidException(String caseRef) {
        super(
                TYPE,
                Kind.INVALID,
                "A case can only be reassigned to an enabled moderator or senior moderator.",
                Map.of("caseRef", caseRef));
    }
}
