package org.redress.server.review;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** The case is escalated or child sexual abuse material and the caller is not a senior moderator. */
public final class SeniorModeratorRequiredException extends DomainException {

    public static final URI TYPE = URI.create("/problems/senior-moderator-required");

    private static final long serialVersionUID = 1L;

    SeniorModeratorRequiredException(String caseRef) {
        super(
                TYPE,
                Kind.FORBIDDEN,
                "Escalated and child-protection cases are for senior moderators.",
                Map.of("caseRef", caseRef));
    }
}
