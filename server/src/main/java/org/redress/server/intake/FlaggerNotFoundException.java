package org.redress.server.intake;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** The trusted-flagger register has no entry with this id. */
public final class FlaggerNotFoundException extends DomainException {

    public static final URI TYPE = URI.create("/problems/flagger-not-found");

    private static final long serialVersionUID = 1L;

    public FlaggerNotFoundException() {
        super(TYPE, Kind.NOT_FOUND, "The trusted-flagger register has no entry with this id.", Map.of());
    }
}
