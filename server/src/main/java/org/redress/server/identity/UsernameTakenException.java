package org.redress.server.identity;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** An account with that username exists already. */
public final class UsernameTakenException extends DomainException {

    public static final URI TYPE = URI.create("/problems/username-taken");

    private static final long serialVersionUID = 1L;

    UsernameTakenException() {
        super(TYPE, Kind.CONFLICT, "An account with that username exists already.", Map.of());
    }
}
