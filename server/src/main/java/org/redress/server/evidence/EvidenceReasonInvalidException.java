package org.redress.server.evidence;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** An export or a hold needs its reason: the request, order or reference it answers, 1 to 500 characters. */
public final class EvidenceReasonInvalidException extends DomainException {

    public static final URI TYPE = URI.create("/problems/evidence-reason-invalid");

    private static final long serialVersionUID = 1L;

    public EvidenceReasonInvalidException() {
        super(
                TYPE,
                Kind.INVALID,
                "Give the reason: the request, order or reference this answers, 1 to 500 characters.",
                Map.of());
    }
}
