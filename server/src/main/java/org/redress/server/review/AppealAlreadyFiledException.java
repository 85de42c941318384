package org.redress.server.review;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** An appeal of this decision for this content was filed already. */
public final class AppealAlreadyFiledException extends DomainException {

    public static final URI TYPE = URI.create("/problems/appeal-already-filed");

    private static final long serialVersionUID = 1L;

    AppealAlreadyFiledException() {
        super(
                TYPE,
                Kind.CONFLICT,
                "An appeal against this decision for this content has already been filed.",
                Map.of());
    }
}
