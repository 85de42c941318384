package org.redress.server.review;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** A decision lacks a part its outcome needs, or has one it must not have. */
public final class InvalidDecisionException extends DomainException {

    public static final URI TYPE = URI.create("/problems/invalid-decision");

    private static final long serialVersionUID = 1L;

    InvalidDecisionException(String field, String rule) {
        super(TYPE, Kind.INVALID, "The decision is incomplete or inconsistent.", Map.of("field", field, "rule", rule));
    }
}
