package org.redress.server.media.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.redress.server.media.MediaId;
import org.redress.server.media.StoredMedia;
import org.redress.server.shared.ContentId;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMediaRecords implements MediaRecords {

    private static final String BLOB_EXISTS = """
            SELECT COUNT(*) FROM media_blob WHERE id = :id
            """;

    private static final String EXISTING_BLOBS = """
            SELECT id FROM media_blob WHERE id IN (:ids)
            """;

    private static final String INSERT_BLOB = """
            INSERT INTO media_blob (id, size, created_at) VALUES (:id, :size, :createdAt)
            ON CONFLICT (id) DO NOTHING
            """;

    private static final String INSERT_REFERENCE = """
            INSERT INTO media_content (content_id, blob_id, received_at, expires_at)
            VALUES (:contentId, :blobId, :receivedAt, :expiresAt)
            ON CONFLICT (content_id, blob_id) DO NOTHING
            """;

    private static final String FOR_CONTENT = """
            SELECT c.blob_id, c.content_id, b.size, c.received_at, c.expires_at,
                   (SELECT COUNT(*) FROM media_hold h WHERE h.content_id = c.content_id) AS holds
              FROM media_content c
              JOIN media_blob b ON b.id = c.blob_id
             WHERE c.content_id = :contentId
             ORDER BY c.received_at DESC, c.id DESC
            """;

    private static final String EXPIRED = """
            SELECT c.id, c.content_id, c.blob_id
              FROM media_content c
             WHERE c.expires_at <= :now
               AND NOT EXISTS (SELECT 1 FROM media_hold h WHERE h.content_id = c.content_id)
             ORDER BY c.id
            """;

    private static final String DELETE_REFERENCE = """
            DELETE FROM media_content WHERE id = :id
            """;

    private static final String REFERENCES = """
            SELECT COUNT(*) FROM media_content WHERE blob_id = :id
            """;

    private static final String DELETE_BLOB = """
            DELETE FROM media_blob WHERE id = :id
            """;

    private static final String INSERT_HOLD = """
            INSERT INTO media_hold (content_id, reason, held_by, held_at)
            VALUES (:contentId, :reason, :heldBy, :heldAt)
            ON CONFLICT (content_id) DO NOTHING
            """;

    private static final String REPLACE_HOLD = """
            UPDATE media_hold SET reason = :reason, held_by = :heldBy, held_at = :heldAt
             WHERE content_id = :contentId
            """;

    private static final String DELETE_HOLD = """
            DELETE FROM media_hold WHERE content_id = :contentId
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    JdbcMediaRecords(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    @Override
    public void lockBlob(MediaId id) {
        dialect.serialize(jdbc, "media_blob:" + id.value());
    }

    @Override
    public boolean blobExists(MediaId id) {
        return jdbc.sql(BLOB_EXISTS).param("id", id.value()).query(Long.class).single() > 0;
    }

    @Override
    public Set<MediaId> existingBlobs(Collection<MediaId> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return jdbc
                .sql(EXISTING_BLOBS)
                .param("ids", ids.stream().map(MediaId::value).toList())
                .query(String.class)
                .list()
                .stream()
                .map(MediaId::new)
                .collect(Collectors.toSet());
    }

    @Override
    public void insertBlobIfAbsent(MediaId id, long size, Instant createdAt) {
        jdbc.sql(INSERT_BLOB)
                .param("id", id.value())
                .param("size", size)
                .param("createdAt", dialect.bind(createdAt))
                .update();
    }

    @Override
    public boolean insertReferenceIfAbsent(String contentId, MediaId blob, Instant receivedAt, Instant expiresAt) {
        return jdbc.sql(INSERT_REFERENCE)
                        .param("contentId", contentId)
                        .param("blobId", blob.value())
                        .param("receivedAt", dialect.bind(receivedAt))
                        .param("expiresAt", dialect.bind(expiresAt))
                        .update()
                > 0;
    }

    @Override
    public List<StoredMedia> forContent(String contentId) {
        return jdbc.sql(FOR_CONTENT)
                .param("contentId", contentId)
                .query((row, n) -> new StoredMedia(
                        new MediaId(row.getString("blob_id")),
                        new ContentId(row.getString("content_id")),
                        row.getLong("size"),
                        required(dialect.instant(row, "received_at")),
                        required(dialect.instant(row, "expires_at")),
                        row.getLong("holds") > 0))
                .list();
    }

    @Override
    public List<Expired> expired(Instant now) {
        return jdbc.sql(EXPIRED)
                .param("now", dialect.bind(now))
                .query((row, n) -> new Expired(
                        row.getLong("id"), row.getString("content_id"), new MediaId(row.getString("blob_id"))))
                .list();
    }

    @Override
    public void deleteReference(long referenceId) {
        jdbc.sql(DELETE_REFERENCE).param("id", referenceId).update();
    }

    @Override
    public int references(MediaId blob) {
        return jdbc.sql(REFERENCES)
                .param("id", blob.value())
                .query(Long.class)
                .single()
                .intValue();
    }

    @Override
    public void deleteBlob(MediaId id) {
        jdbc.sql(DELETE_BLOB).param("id", id.value()).update();
    }

    @Override
    public void hold(String contentId, String sealedReason, String heldBy, Instant heldAt) {
        int inserted = jdbc.sql(INSERT_HOLD)
                .param("contentId", contentId)
                .param("reason", sealedReason)
                .param("heldBy", heldBy)
                .param("heldAt", dialect.bind(heldAt))
                .update();
        if (inserted == 0) {
            jdbc.sql(REPLACE_HOLD)
                    .param("contentId", contentId)
                    .param("reason", sealedReason)
                    .param("heldBy", heldBy)
                    .param("heldAt", dialect.bind(heldAt))
                    .update();
        }
    }

    @Override
    public boolean release(String contentId) {
        return jdbc.sql(DELETE_HOLD).param("contentId", contentId).update() > 0;
    }

    private static Instant required(@org.jspecify.annotations.Nullable Instant instant) {
        if (instant == null) {
            throw new IllegalStateException("a NOT NULL instant column held NULL");
        }
        return instant;
    }
}
