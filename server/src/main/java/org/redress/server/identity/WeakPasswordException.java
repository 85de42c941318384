package org.redress.server.identity;

import java.net.URI;
import java.util.Map;
import org.redress.server.identity.accounts.Passwords;
import org.redress.server.shared.DomainException;

/** A new password is too short or too long. */
public final class WeakPasswordException extends DomainException {

    public static final URI TYPE = URI.create("/problems/weak-password");

    private static final long serialVersionUID = 1L;

    public WeakPasswordException() {
        super(TYPE, Kind.INVALID, "A password must have between " + Passwords.MIN_LENGTH + " and "
                + Passwords.MAX_LENGTH + " characters.", Map.of());
    }
}
