package org.redress.server.media;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** No stored image has this id: it was purged when its retention ended, or never kept. */
public class MediaNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public static final URI TYPE = URI.create("/problems/media-not-found");

    MediaNotFoundException(MediaId id) {
        super(
                TYPE,
                Kind.NOT_FOUND,
                "The image is not stored: it was deleted when its retention ended, or never kept.",
                Map.of("mediaId", id.value()));
    }
}
