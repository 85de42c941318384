package org.redress.server.evidence;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** A law-enforcement request, its decision or its hand-over misses something or has too much; the detail says what. */
public final class EvidenceRequestInvalidException extends DomainException {

    public static final URI TYPE = URI.create("/problems/evidence-request-invalid");

    private static final long serialVersionUID = 1L;

    public EvidenceRequestInvalidException(String detail) {
        super(TYPE, Kind.INVALID, detail, Map.of());
    }
}
