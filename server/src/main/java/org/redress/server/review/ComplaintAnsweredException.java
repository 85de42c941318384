package org.redress.server.review;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** The complaint was answered already. */
public final class ComplaintAnsweredException extends DomainException {

    public static final URI TYPE = URI.create("/problems/complaint-answered");

    private static final long serialVersionUID = 1L;

    ComplaintAnsweredException(String complaintId) {
        super(
                TYPE,
                Kind.CONFLICT,
                "The complaint was answered already; its answer is final.",
                Map.of("complaintId", complaintId));
    }
}
