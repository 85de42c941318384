package org.redress.server.identity;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** The current password given with a change of password is not the account's. */
public final class WrongPasswordException extends DomainException {

    public static final URI TYPE = URI.create("/problems/wrong-password");

    private static final long serialVersionUID = 1L;

    WrongPasswordException() {
        super(TYPE, Kind.INVALID, "The current password is not right.", Map.of());
    }
}
