package org.redress.server.review;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** A threat to life or safety is marked with what the moderator saw: 1 to 2,000 characters. */
public final class InvalidThreatReasonException extends DomainException {

    public static final URI TYPE = URI.create("/problems/invalid-threat-reason");

    private static final long serialVersionUID = 1L;

    InvalidThreatReasonException() {
        super(
                TYPE,
                Kind.INVALID,
                "Say what shows a threat to life or safety, in 1 to " + ThreatReferral.MAX_REASON + " characters.",
                Map.of("field", "reason"));
    }
}
