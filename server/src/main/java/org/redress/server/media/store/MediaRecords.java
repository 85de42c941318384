package org.redress.server.media.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.redress.server.media.MediaId;
import org.redress.server.media.StoredMedia;

/** The media rows: stored files, the content ids that refer to them, legal holds. */
public interface MediaRecords {

    /** A content id's reference to a file whose retention has ended. */
    record Expired(long referenceId, String contentId, MediaId blob) {}

    /** Serialises keeping and purging of one file until the transaction ends. */
    void lockBlob(MediaId id);

    boolean blobExists(MediaId id);

    /** Which of these ids have a row. */
    Set<MediaId> existingBlobs(Collection<MediaId> ids);

    void insertBlobIfAbsent(MediaId id, long size, Instant createdAt);

    /** False when the content id already refers to the file (its first retention stands). */
    boolean insertReferenceIfAbsent(String contentId, MediaId blob, Instant receivedAt, Instant expiresAt);

    /** Newest first. */
    List<StoredMedia> forContent(String contentId);

    /** References past their expiry whose content id is not held, oldest first. */
    List<Expired> expired(Instant now);

    void deleteReference(long referenceId);

    int references(MediaId blob);

    void deleteBlob(MediaId id);

    /** Places or replaces the hold on a content id. */
    void hold(String contentId, String sealedReason, String heldBy, Instant heldAt);

    /** False when the content id was not held. */
    boolean release(String contentId);
}
