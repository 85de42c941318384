package org.redress.server.review;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** A case reopened by a reporter's complaint is decided by someone other than the moderator who closed it. */
public final class DifferentModeratorRequiredException extends DomainException {

    public static final URI TYPE = URI.create("/problems/different-moderator-required");

    private static final long serialVersionUID = 1L;

    DifferentModeratorRequiredException(String caseRef) {
        super(
                TYPE,
                Kind.FORBIDDEN,
                "A complaint is decided by a different moderator from the one who decided before.",
                Map.of("caseRef", caseRef));
    }
}
