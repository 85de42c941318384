package org.redress.server.transparency.policies;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** No such policy, or no such published version of it. */
public final class PolicyVersionNotFoundException extends DomainException {

    public static final URI TYPE = URI.create("/problems/policy-version-not-found");

    private static final long serialVersionUID = 1L;

    public PolicyVersionNotFoundException() {
        super(TYPE, Kind.NOT_FOUND, "There is no such policy, or no such published version of it.", Map.of());
    }
}
