package org.redress.server.media;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.redress.pdq.imageio.UndecodableImageException;
import org.redress.server.media.preview.Previews;
import org.redress.server.media.store.BlobFiles;
import org.redress.server.media.store.MediaRecords;
import org.redress.server.shared.Actor;
import org.redress.server.shared.ContentId;
import org.redress.server.storage.FieldCipher;
import org.redress.server.storage.SqlDialect;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps images for review and as evidence, encrypted and content-addressed, until their retention
 * ends or a legal hold is released. Every method joins the caller's transaction if there is one;
 * reads and previews open none of their own, because on SQLite every transaction takes the single
 * write lock, which decrypting and decoding an image must not hold. Keeping and
 * purging one file take the same lock ({@link SqlDialect#serialize}), so a purge never deletes a
 * file that a concurrent keep has just referred to again.
 */
@Service
public class Media {

    /** Larger images are refused: the upload check's own limit is 16 MiB. */
    public static final int MAX_BYTES = 32 * 1024 * 1024;

    /** The longest content id media keeps images for (a platform's ids; reported URLs may be longer). */
    public static final int MAX_CONTENT_ID = 200;

    /** Who purges: the audit log names retention as the actor. */
    private static final Actor RETENTION = new Actor.Operator("media-retention");

    private static final int MAX_REASON = 2_000;

    /** A file this old without a row is no keep in progress but the leftover of a crash. */
    static final Duration ORPHAN_GRACE = Duration.ofDays(1);

    private static final int ORPHAN_BATCH = 500;

    private final MediaRecords records;
    private final BlobFiles files;
    private final Previews previews;
    private final FieldCipher cipher;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MediaSettings settings;
    private final TransactionTemplate transaction;
    private final ObjectProvider<RetentionHold> retentionHolds;

    Media(
            MediaRecords records,
            BlobFiles files,
            FieldCipher cipher,
            ApplicationEventPublisher events,
            Clock clock,
            MediaSettings settings,
            PlatformTransactionManager transactions,
            ObjectProvider<RetentionHold> retentionHolds) {
        this.transaction = new TransactionTemplate(transactions);
        this.retentionHolds = retentionHolds;
        this.records = records;
        this.files = files;
        this.previews = new Previews(MAX_BYTES);
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Keeps an image for a piece of content until {@code receivedAt} plus the retention. Identical
     * bytes are stored once, whichever content sent them; keeping the same bytes for the same
     * content again changes nothing. The file is written (and forced to disk) before the rows; if
     * the transaction then rolls back, the file this call created is deleted again.
     *
     * @throws IllegalArgumentException when the content id is not 1 to 200 characters or the
     *     image is empty or over {@link #MAX_BYTES}
     */
    @Transactional
    public MediaId keep(ContentId content, byte[] image, Instant receivedAt) {
        String contentId = content.value();
        checkContentId(contentId);
        if (image.length == 0 || image.length > MAX_BYTES) {
            throw new IllegalArgumentException("an image is 1 to " + MAX_BYTES + " bytes, got " + image.length);
        }
        MediaId id = files.idOf(image);
        records.lockBlob(id);
        if (!records.blobExists(id) || !files.exists(id)) {
            files.write(id, image);
            deleteFileIfRolledBack(id);
        }
        Instant received = SqlDialect.truncate(receivedAt);
        records.insertBlobIfAbsent(id, image.length, SqlDialect.truncate(clock.instant()));
        records.insertReferenceIfAbsent(contentId, id, received, received.plus(settings.retention()));
        return id;
    }

    /** Whether an upload checked as ALLOW should be kept ({@code redress.media.keep-allowed-uploads}). */
    public boolean keepsAllowedUploads() {
        return settings.keepAllowedUploads();
    }

    /** The images kept for a content id, newest first. */
    public List<StoredMedia> forContent(ContentId content) {
        checkContentId(content.value());
        return records.forContent(content.value());
    }

    /**
     * The image in clear. Callers must not log it, and should show {@link #preview(MediaId)} first.
     *
     * @throws MediaNotFoundException when it was purged or never kept
     * @throws MediaDamagedException when its file fails authentication
     */
    public byte[] open(MediaId id) {
        if (!records.blobExists(id)) {
            throw new MediaNotFoundException(id);
        }
        return files.read(id).orElseThrow(() -> new MediaNotFoundException(id));
    }

    /**
     * A PNG of at most 320 pixels a side, greyscale and strongly blurred, for a moderator to see
     * before choosing to reveal the image.
     *
     * @throws MediaNotFoundException when it was purged or never kept
     * @throws PreviewUnavailableException when the stored image cannot be decoded within the limits
     * @throws MediaDamagedException when its file fails authentication
     */
    public byte[] preview(MediaId id) {
        byte[] image = open(id);
        try {
            return previews.render(image);
        } catch (UndecodableImageException e) {
            throw new PreviewUnavailableException(id, e.reason());
        }
    }

    /**
     * Places a legal hold on a content id, or replaces the reason of one: none of its media are
     * deleted while it is held, whatever their retention. The reason is stored encrypted and never
     * audited or logged.
     */
    @Transactional
    public void hold(Actor actor, ContentId content, String reason) {
        String contentId = content.value();
        checkContentId(contentId);
        if (reason.isBlank() || reason.length() > MAX_REASON) {
            throw new IllegalArgumentException(
                    "a hold's reason is 1 to " + MAX_REASON + " characters, got " + reason.length());
        }
        records.hold(
                contentId,
                cipher.encrypt(reason, reasonContext(contentId)),
                actor.kind() + ":" + actor.id(),
                SqlDialect.truncate(clock.instant()));
        events.publishEvent(new MediaChanged(actor, contentId, "held"));
    }

    /** Releases a content id's legal hold; its media expire as their retention says. Does nothing when not held. */
    @Transactional
    public void release(Actor actor, ContentId content) {
        String contentId = content.value();
        checkContentId(contentId);
        if (records.release(contentId)) {
            events.publishEvent(new MediaChanged(actor, contentId, "released"));
        }
    }

    /**
     * Deletes every reference whose retention has ended and whose content id is neither held here nor
     * kept by a {@link RetentionHold} (such as a legal hold on a case), and each
     * file that no reference is left pointing to. Each deletion is audited. Files are deleted
     * before the transaction commits: should the commit fail, the rows point to missing files
     * (answered as not found, and purged again next time) rather than a file outliving its rows.
     *
     * @return how many references were deleted
     */
    @Transactional
    public int purgeExpired() {
        Instant now = SqlDialect.truncate(clock.instant());
        List<MediaRecords.Expired> expired = records.expired(now);
        var blobs = new TreeSet<String>();
        List<RetentionHold> holds = retentionHolds.orderedStream().toList();
        int deleted = 0;
        for (MediaRecords.Expired reference : expired) {
            if (holds.stream().anyMatch(hold -> hold.keeps(reference.contentId()))) {
                continue;
            }
            deleted++;
            records.deleteReference(reference.referenceId());
            events.publishEvent(new MediaChanged(RETENTION, reference.contentId(), "purged"));
            blobs.add(reference.blob().value());
        }
        // Sorted, so two concurrent purges take the locks in the same order.
        for (String blob : blobs) {
            var id = new MediaId(blob);
            records.lockBlob(id);
            if (records.references(id) == 0) {
                records.deleteBlob(id);
                files.delete(id);
            }
        }
        return deleted;
    }

    /**
     * Deletes files that no row names and that were last modified over a day ago. A process that
     * dies after writing a file and before its transaction commits leaves one behind; it is
     * encrypted, but it must not outlive the retention of the image it holds. Each deletion
     * rechecks the row under the file's lock, in its own short transaction.
     *
     * @return how many files were deleted
     */
    public int sweepOrphans() {
        List<MediaId> candidates = files.modifiedBefore(clock.instant().minus(ORPHAN_GRACE));
        int deleted = 0;
        for (int from = 0; from < candidates.size(); from += ORPHAN_BATCH) {
            List<MediaId> batch = candidates.subList(from, Math.min(candidates.size(), from + ORPHAN_BATCH));
            Set<MediaId> known = records.existingBlobs(batch);
            for (MediaId id : batch) {
                if (!known.contains(id) && Boolean.TRUE.equals(transaction.execute(status -> deleteIfUnknown(id)))) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    private boolean deleteIfUnknown(MediaId id) {
        records.lockBlob(id);
        return !records.blobExists(id) && files.delete(id);
    }

    private void deleteFileIfRolledBack(MediaId id) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_ROLLED_BACK) {
                    files.delete(id);
                }
            }
        });
    }

    private static void checkContentId(String contentId) {
        Objects.requireNonNull(contentId, "contentId");
        if (contentId.isEmpty() || contentId.length() > MAX_CONTENT_ID) {
            throw new IllegalArgumentException(
                    "a content id is 1 to " + MAX_CONTENT_ID + " characters, got " + contentId.length());
        }
    }

    private static String reasonContext(String contentId) {
        return "media_hold.reason:" + contentId;
    }
}
