package org.redress.server.media;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.redress.pdq.imageio.UndecodableImageException;
import org.redress.server.shared.DomainException;

/**
 * A stored image cannot be decoded for a preview: it is malformed, not an image in a supported
 * format, or hostile (over the byte or pixel limits, such as a decompression bomb).
 */
public class PreviewUnavailableException extends DomainException {

    private static final long serialVersionUID = 1L;

    public static final URI TYPE = URI.create("/problems/media-preview-unavailable");

    PreviewUnavailableException(MediaId id, UndecodableImageException.Reason reason) {
        super(
                TYPE,
                Kind.INVALID,
                "The stored image cannot be decoded for a preview.",
                Map.of(
                        "mediaId",
                        id.value(),
                        "reason",
                        reason.name().toLowerCase(Locale.ROOT).replace('_', '-')));
    }
}
