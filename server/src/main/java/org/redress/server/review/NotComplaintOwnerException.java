package org.redress.server.review;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** The caller does not own the complaint they answer. */
public final class NotComplaintOwnerException extends DomainException {

    public static final URI TYPE = URI.create("/problems/not-complaint-owner");

    private static final long serialVersionUID = 1L;

    NotComplaintOwnerException(String complaintId) {
        super(
                TYPE,
                Kind.FORBIDDEN,
                "Take the complaint before answering it; only its owner answers.",
                Map.of("complaintId", complaintId));
    }
}
