package org.redress.server.review;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** Another moderator owns the complaint. */
public final class ComplaintOwnedException extends DomainException {

    public static final URI TYPE = URI.create("/problems/complaint-owned");

    private static final long serialVersionUID = 1L;

    ComplaintOwnedException(String complaintId) {
        super(TYPE, Kind.CONFLICT, "Another moderator owns this complaint.", Map.of("complaintId", complaintId));
    }
}
