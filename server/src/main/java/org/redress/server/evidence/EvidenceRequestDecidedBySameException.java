package org.redress.server.evidence;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** Four eyes: whoever recorded a request may not approve or refuse it. */
public final class EvidenceRequestDecidedBySameException extends DomainException {

    public static final URI TYPE = URI.create("/problems/evidence-request-four-eyes");

    private static final long serialVersionUID = 1L;

    public EvidenceRequestDecidedBySameException() {
        super(TYPE, Kind.FORBIDDEN, "Another compliance officer decides this request: you recorded it.", Map.of());
    }
}
