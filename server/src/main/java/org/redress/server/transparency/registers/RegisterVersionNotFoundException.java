package org.redress.server.transparency.registers;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** No such register, or no such version of it (a register has no version until one is recorded). */
public final class RegisterVersionNotFoundException extends DomainException {

    public static final URI TYPE = URI.create("/problems/register-version-not-found");

    private static final long serialVersionUID = 1L;

    public RegisterVersionNotFoundException() {
        super(TYPE, Kind.NOT_FOUND, "There is no such register, or no such version of it.", Map.of());
    }
}
