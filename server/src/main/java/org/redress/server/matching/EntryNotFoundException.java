package org.redress.server.matching;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** The bank has no entry with the given id. */
public class EntryNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public static final URI TYPE = URI.create("/problems/bank-entry-not-found");

    EntryNotFoundException(long entryId) {
        super(TYPE, Kind.NOT_FOUND, "The bank has no entry with this id.", Map.of("entryId", Long.toString(entryId)));
    }
}
