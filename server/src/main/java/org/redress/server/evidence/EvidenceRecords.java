package org.redress.server.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code evidence_export}, {@code evidence_case_hold} and {@code evidence_held_content}. */
@Repository
class EvidenceRecords {

    private static final String INSERT_EXPORT = """
            INSERT INTO evidence_export (id, case_ref, exported_by, reason, manifest_sha256, key_id, exported_at,
                                         request_id)
            VALUES (:id, :caseRef, :exportedBy, :reason, :manifest, :keyId, :exportedAt, :requestId)
            """;

    private static final String EXPORTS = """
            SELECT manifest_sha256, case_ref, exported_by, reason, exported_at
              FROM evidence_export
             WHERE case_ref = :caseRef
             ORDER BY exported_at, id
            """;

    private static final String INSERT_HOLD = """
            INSERT INTO evidence_case_hold (case_ref, reason, held_by, held_at, held_until)
            VALUES (:caseRef, :reason, :heldBy, :heldAt, :heldUntil)
            ON CONFLICT (case_ref) DO UPDATE
               SET reason = excluded.reason, held_by = excluded.held_by, held_at = excluded.held_at,
                   held_until = excluded.held_until
            """;

    private static final String HOLD = """
            SELECT case_ref, held_by, held_at, held_until FROM evidence_case_hold WHERE case_ref = :caseRef
            """;

    private static final String DELETE_HOLD = """
            DELETE FROM evidence_case_hold WHERE case_ref = :caseRef
            """;

    private static final String INSERT_HELD_CONTENT = """
            INSERT INTO evidence_held_content (case_ref, content_id) VALUES (:caseRef, :contentId)
            ON CONFLICT (case_ref, content_id) DO NOTHING
            """;

    private static final String DELETE_HELD_CONTENT = """
            DELETE FROM evidence_held_content WHERE case_ref = :caseRef
            """;

    /** Held through a standing case hold, or by a hold on the item itself. */
    private static final String CONTENT_HELD = """
            SELECT (SELECT COUNT(*) FROM evidence_held_content c
                      JOIN evidence_case_hold h ON h.case_ref = c.case_ref
                     WHERE c.content_id = :contentId AND (h.held_until IS NULL OR h.held_until > :now))
                 + (SELECT COUNT(*) FROM evidence_content_hold
                     WHERE content_id = :contentId AND (held_until IS NULL OR held_until > :now))
            """;

    private static final String CASE_HELD = """
            SELECT COUNT(*) FROM evidence_case_hold
             WHERE case_ref = :caseRef AND (held_until IS NULL OR held_until > :now)
            """;

    private static final String CASE_HOLDS = """
            SELECT case_ref, held_by, held_at, held_until FROM evidence_case_hold ORDER BY held_at DESC, case_ref
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    EvidenceRecords(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    void recordExport(EvidenceExport export, long keyId, @Nullable String requestId) {
        jdbc.sql(INSERT_EXPORT)
                .param("id", export.manifestSha256())
                .param("caseRef", export.caseRef())
                .param("exportedBy", export.exportedBy())
                .param("reason", export.reason())
                .param("manifest", export.manifestSha256())
                .param("keyId", keyId)
                .param("exportedAt", dialect.bind(export.exportedAt()))
                .param("requestId", requestId)
                .update();
    }

    List<EvidenceExport> exports(String caseRef) {
        return jdbc.sql(EXPORTS)
                .param("caseRef", caseRef)
                .query((row, n) -> new EvidenceExport(
                        row.getString("manifest_sha256"),
                        row.getString("case_ref"),
                        row.getString("exported_by"),
                        row.getString("reason"),
                        required(dialect.instant(row, "exported_at"))))
                .list();
    }

    /** Places or renews the hold over these content ids; the reason arrives sealed. */
    void hold(
            String caseRef,
            String sealedReason,
            String heldBy,
            Instant heldAt,
            @Nullable Instant heldUntil,
            List<String> contentIds) {
        jdbc.sql(INSERT_HOLD)
                .param("heldUntil", heldUntil == null ? null : dialect.bind(heldUntil))
                .param("caseRef", caseRef)
                .param("reason", sealedReason)
                .param("heldBy", heldBy)
                .param("heldAt", dialect.bind(heldAt))
                .update();
        jdbc.sql(DELETE_HELD_CONTENT).param("caseRef", caseRef).update();
        for (String contentId : contentIds) {
            jdbc.sql(INSERT_HELD_CONTENT)
                    .param("caseRef", caseRef)
                    .param("contentId", contentId)
                    .update();
        }
    }

    /** Whether a hold standing at {@code now} keeps the content item. */
    boolean contentHeld(String contentId, Instant now) {
        return jdbc.sql(CONTENT_HELD)
                        .param("contentId", contentId)
                        .param("now", dialect.bind(now))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Whether a hold standing at {@code now} is on the case itself. */
    boolean caseHeld(String caseRef, Instant now) {
        return jdbc.sql(CASE_HELD)
                        .param("caseRef", caseRef)
                        .param("now", dialect.bind(now))
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<CaseHold> hold(String caseRef) {
        return jdbc.sql(HOLD).param("caseRef", caseRef).query(this::caseHold).optional();
    }

    /** Every case hold, lapsed ones too, the latest first. */
    List<CaseHold> caseHolds() {
        return jdbc.sql(CASE_HOLDS).query(this::caseHold).list();
    }

    private CaseHold caseHold(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new CaseHold(
                row.getString("case_ref"),
                row.getString("held_by"),
                required(dialect.instant(row, "held_at")),
                Optional.ofNullable(dialect.instant(row, "held_until")));
    }

    boolean release(String caseRef) {
        jdbc.sql(DELETE_HELD_CONTENT).param("caseRef", caseRef).update();
        return jdbc.sql(DELETE_HOLD).param("caseRef", caseRef).update() > 0;
    }

    private static Instant required(@Nullable Instant instant) {
        return Objects.requireNonNull(instant, "a NOT NULL time column was null");
    }
}
