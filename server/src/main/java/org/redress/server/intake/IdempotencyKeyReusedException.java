package org.redress.server.intake;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** An Idempotency-Key was sent again with a different submission. */
public final class IdempotencyKeyReusedException extends DomainException {

    public static final URI TYPE = URI.create("/problems/idempotency-key-reused");

    private static final long serialVersionUID = 1L;

    IdempotencyKeyReusedException() {
        super(TYPE, Kind.CONFLICT, "This Idempotency-Key was used for a different submission.", Map.of());
    }
}
