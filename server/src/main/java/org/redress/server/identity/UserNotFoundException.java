package org.redress.server.identity;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** No staff account has that username. */
public final class UserNotFoundException extends DomainException {

    public static final URI TYPE = URI.create("/problems/user-not-found");

    private static final long serialVersionUID = 1L;

    UserNotFoundException() {
        super(TYPE, Kind.NOT_FOUND, "No account has that username.", Map.of());
    }
}
