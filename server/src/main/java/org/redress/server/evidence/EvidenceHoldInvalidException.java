package org.redress.server.evidence;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** A hold needs a reason, a content id or case, and an end in the future if it has one; the detail says what. */
public final class EvidenceHoldInvalidException extends DomainException {

    public static final URI TYPE = URI.create("/problems/evidence-hold-invalid");

    private static final long serialVersionUID = 1L;

    public EvidenceHoldInvalidException(String detail) {
        super(TYPE, Kind.INVALID, detail, Map.of());
    }
}
