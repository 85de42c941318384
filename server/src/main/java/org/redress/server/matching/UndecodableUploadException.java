package org.redress.server.matching;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** An uploaded image could not be decoded; the reason is one of the decoder's fixed words. */
public class UndecodableUploadException extends DomainException {

    private static final long serialVersionUID = 1L;

    public static final URI TYPE = URI.create("/problems/image-undecodable");

    public UndecodableUploadException(String reason) {
        super(
                TYPE,
                Kind.INVALID,
                "The image could not be decoded.",
                Map.of("reason", reason.toLowerCase(Locale.ROOT).replace('_', '-')));
    }
}
