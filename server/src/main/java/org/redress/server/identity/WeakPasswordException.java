package org.redress.server.identity;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.redress.server.identity.accounts.Passwords;
import org.redress.server.shared.DomainException;

/** A new password breaks one of the password rules ({@link Passwords}): the detail says which. */
public final class WeakPasswordException extends DomainException {

    public static final URI TYPE = URI.create("/problems/weak-password");

    private static final long serialVersionUID = 1L;

    public WeakPasswordException(Passwords.Weakness weakness) {
        super(
                TYPE,
                Kind.INVALID,
                weakness.sentence(),
                Map.of("rule", weakness.name().toLowerCase(Locale.ROOT)));
    }
}
