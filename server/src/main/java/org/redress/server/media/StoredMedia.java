package org.redress.server.media;

import java.time.Instant;
import java.util.Objects;
import org.redress.server.shared.ContentId;

/**
 * One image kept for one piece of content.
 *
 * @param id the stored file, shared by every content id that sent the same bytes
 * @param contentId the platform's id for the content
 * @param size the image's size in bytes (before encryption)
 * @param receivedAt when the image arrived
 * @param expiresAt when retention ends; the image is purged after this unless {@code held}
 * @param held whether a legal hold on the content id stops deletion
 */
public record StoredMedia(
        MediaId id, ContentId contentId, long size, Instant receivedAt, Instant expiresAt, boolean held) {

    public StoredMedia {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
