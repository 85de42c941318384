package org.redress.server.review;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** Complaint does not exist. */
public final class ComplaintNotFoundException extends DomainException {

    public static final URI TYPE = URI.create("/problems/complaint-not-found");

    private static final long serialVersionUID = 1L;

    ComplaintNotFoundException() {
        super(TYPE, Kind.NOT_FOUND, "No complaint has that id.", Map.of());
    }
}
