package org.redress.server.identity;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** The role does not fit: staff roles for accounts, machine roles for unowned API keys. */
public final class RoleNotAllowedException extends DomainException {

    public static final URI TYPE = URI.create("/problems/role-not-allowed");

    private static final long serialVersionUID = 1L;

    RoleNotAllowedException(Role role, String use) {
        super(TYPE, Kind.INVALID, "That role cannot be given to " + use + ".", Map.of("role", role.name()));
    }
}
