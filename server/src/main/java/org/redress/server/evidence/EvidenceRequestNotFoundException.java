package org.redress.server.evidence;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** No law-enforcement request has this reference. */
public final class EvidenceRequestNotFoundException extends DomainException {

    public static final URI TYPE = URI.create("/problems/evidence-request-not-found");

    private static final long serialVersionUID = 1L;

    public EvidenceRequestNotFoundException() {
        super(TYPE, Kind.NOT_FOUND, "There is no law-enforcement request with this reference.", Map.of());
    }
}
