package org.redress.server.review;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** The appeal window of the decision has passed. */
public final class AppealWindowClosedException extends DomainException {

    public static final URI TYPE = URI.create("/problems/appeal-window-closed");

    private static final long serialVersionUID = 1L;

    AppealWindowClosedException() {
        super(TYPE, Kind.INVALID, "The time to appeal this decision has passed.", Map.of());
    }
}
