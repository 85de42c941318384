package org.redress.server.review;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** No restricting decision for this content and uploader (or none left to appeal). */
public final class NoAppealableDecisionException extends DomainException {

    public static final URI TYPE = URI.create("/problems/no-appealable-decision");

    private static final long serialVersionUID = 1L;

    NoAppealableDecisionException() {
        super(
                TYPE,
                Kind.NOT_FOUND,
                "There is no decision restricting this content that this uploader can appeal.",
                Map.of());
    }
}
