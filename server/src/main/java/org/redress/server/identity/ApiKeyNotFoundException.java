package org.redress.server.identity;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** No API key has that id. */
public final class ApiKeyNotFoundException extends DomainException {

    public static final URI TYPE = URI.create("/problems/api-key-not-found");

    private static final long serialVersionUID = 1L;

    ApiKeyNotFoundException(ApiKeyId id) {
        super(TYPE, Kind.NOT_FOUND, "No API key has that id.", Map.of("keyId", id.toString()));
    }
}
