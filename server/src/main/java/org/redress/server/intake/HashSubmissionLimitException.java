package org.redress.server.intake;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/**
 * More victims' hashes than {@code redress.intake.hashes-per-day} arrived within a day, from
 * everyone together: a flood of submissions goes no further until the day's count falls.
 */
public final class HashSubmissionLimitException extends DomainException {

    public static final URI TYPE = URI.create("/problems/too-many-requests");

    private static final long serialVersionUID = 1L;

    HashSubmissionLimitException() {
        super(TYPE, Kind.CONFLICT, "Too many submissions today; try again later.", Map.of());
    }
}
