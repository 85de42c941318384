package org.redress.server.intake;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** No case has that reference, or the status token does not open it: the two are not told apart. */
public final class CaseNotFoundException extends DomainException {

    public static final URI TYPE = URI.create("/problems/case-not-found");

    private static final long serialVersionUID = 1L;

    CaseNotFoundException() {
        super(TYPE, Kind.NOT_FOUND, "No case matches this reference and token.", Map.of());
    }
}
