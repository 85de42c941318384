package org.redress.server.evidence;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A legal hold on one content item: while it stands, its images and the records about it outlive
 * their retention. The reason is kept sealed and is not part of this view.
 *
 * @param contentId the content item held
 * @param heldBy who placed it ({@code STAFF:carol})
 * @param heldAt when
 * @param heldUntil when it ends by itself, if it does
 */
public record ContentHold(String contentId, String heldBy, Instant heldAt, Optional<Instant> heldUntil) {

    public ContentHold {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(heldBy, "heldBy");
        Objects.requireNonNull(heldAt, "heldAt");
        Objects.requireNonNull(heldUntil, "heldUntil");
    }
}
