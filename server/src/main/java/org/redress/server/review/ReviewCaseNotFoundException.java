package org.redress.server.review;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** No review case has the reference asked for. */
public final class ReviewCaseNotFoundException extends DomainException {

    public static final URI TYPE = URI.create("/problems/review-case-not-found");

    private static final long serialVersionUID = 1L;

    public ReviewCaseNotFoundException() {
        super(TYPE, Kind.NOT_FOUND, "No review case has this reference.", Map.of());
    }
}
