package org.redress.server.matching;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** An uploaded image could not be decoded; the reason is one of the decoder's fixed words. */
public class UndecodableUploadException extends DomainException {

    private static final long serialVersionUID = 1L;

    public static final URI TYPE = URI.create("/problems/image-undecodable");

    /** The image types the service decodes, as the problem names them. */
    public static final String ACCEPTED = "JPEG, PNG, WebP, GIF, BMP or TIFF";

    public UndecodableUploadException(String reason) {
        super(
                TYPE,
                Kind.INVALID,
                "The image could not be decoded.",
                Map.of("reason", reason.toLowerCase(Locale.ROOT).replace('_', '-')));
    }

    private UndecodableUploadException(String format, String detail) {
        super(
                TYPE,
                Kind.INVALID,
                detail,
                Map.of("reason", "unsupported-format", "format", format, "accepted", ACCEPTED));
    }

    /**
     * A HEIC or AVIF image, which phones make by default and which the service cannot decode: the
     * answer names the accepted formats and says to convert the image.
     */
    public static UndecodableUploadException notAccepted(String format) {
        return new UndecodableUploadException(
                format,
                format.toUpperCase(Locale.ROOT) + " images are not accepted. Send a " + ACCEPTED
                        + " image instead: convert it first, for example by exporting or sharing the photo as JPEG.");
    }
}
