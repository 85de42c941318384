package org.redress.server.review;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** A complaint about an automated block names content that no upload check of that uploader registered. */
public final class NoBlockedUploadException extends DomainException {

    public static final URI TYPE = URI.create("/problems/no-blocked-upload");

    private static final long serialVersionUID = 1L;

    NoBlockedUploadException() {
        super(TYPE, Kind.NOT_FOUND, "No upload check of this uploader registered that content.", Map.of());
    }
}
