package org.redress.server.evidence;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** The step does not fit where the request stands: deciding twice, exporting before approval or after a refusal. */
public final class EvidenceRequestStateException extends DomainException {

    public static final URI TYPE = URI.create("/problems/evidence-request-state");

    private static final long serialVersionUID = 1L;

    public EvidenceRequestStateException(String detail) {
        super(TYPE, Kind.CONFLICT, detail, Map.of());
    }
}
