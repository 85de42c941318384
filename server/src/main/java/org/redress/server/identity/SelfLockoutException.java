package org.redress.server.identity;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** An administrator tried to disable their own account, which could leave nobody able to administer. */
public final class SelfLockoutException extends DomainException {

    public static final URI TYPE = URI.create("/problems/self-lockout");

    private static final long serialVersionUID = 1L;

    SelfLockoutException() {
        super(TYPE, Kind.CONFLICT, "You cannot disable your own account.", Map.of());
    }
}
