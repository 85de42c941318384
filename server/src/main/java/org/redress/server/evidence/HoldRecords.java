package org.redress.server.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code evidence_content_hold}: legal holds on single content items, their reasons sealed. */
@Repository
class HoldRecords {

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    HoldRecords(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Places or renews the hold; the reason arrives sealed. */
    void hold(String contentId, String sealedReason, String heldBy, Instant heldAt, @Nullable Instant heldUntil) {
        jdbc.sql("""
                        INSERT INTO evidence_content_hold (content_id, reason, held_by, held_at, held_until)
                        VALUES (:contentId, :reason, :heldBy, :heldAt, :heldUntil)
                        ON CONFLICT (content_id) DO UPDATE
                           SET reason = excluded.reason, held_by = excluded.held_by, held_at = excluded.held_at,
                               held_until = excluded.held_until
                        """)
                .param("contentId", contentId)
                .param("reason", sealedReason)
                .param("heldBy", heldBy)
                .param("heldAt", dialect.bind(heldAt))
                .param("heldUntil", heldUntil == null ? null : dialect.bind(heldUntil))
                .update();
    }

    boolean release(String contentId) {
        return jdbc.sql("DELETE FROM evidence_content_hold WHERE content_id = :contentId")
                        .param("contentId", contentId)
                        .update()
                > 0;
    }

    Optional<ContentHold> find(String contentId) {
        return jdbc.sql("""
                        SELECT content_id, held_by, held_at, held_until FROM evidence_content_hold
                         WHERE content_id = :contentId
                        """).param("contentId", contentId).query(this::hold).optional();
    }

    /** Every content hold, lapsed ones too, the latest first. */
    List<ContentHold> all() {
        return jdbc.sql("""
                        SELECT content_id, held_by, held_at, held_until FROM evidence_content_hold
                         ORDER BY held_at DESC, content_id
                        """).query(this::hold).list();
    }

    private ContentHold hold(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new ContentHold(
                row.getString("content_id"),
                row.getString("held_by"),
                Objects.requireNonNull(dialect.instant(row, "held_at"), "held_at"),
                Optional.ofNullable(dialect.instant(row, "held_until")));
    }
}
