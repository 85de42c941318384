package org.redress.server.intake;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** The reporter withdrew this report already. */
public final class ReportWithdrawnAlreadyException extends DomainException {

    public static final URI TYPE = URI.create("/problems/report-withdrawn-already");

    private static final long serialVersionUID = 1L;

    ReportWithdrawnAlreadyException() {
        super(TYPE, Kind.CONFLICT, "This report was withdrawn already.", Map.of());
    }
}
