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
            INSERT INTO evidence_export (id, case_ref, exported_by, reason, manifest_sha256, key_id, exported_at)
            VALUES (:id, :caseRef, :exportedBy, :reason, :manifest, :keyId, :exportedAt)
            """;

    private static final String EXPORTS = """
            SELECT manifest_sha256, case_ref, exported_by, reason, exported_at
              FROM evidence_export
             WHERE case_ref = :caseRef
             ORDER BY exported_at, id
            """;

    private static final String INSERT_HOLD = """
            INSERT INTO evidence_case_hold (case_ref, reason, held_by, held_at)
            VALUES (:caseRef, :reason, :heldBy, :heldAt)
            ON CONFLICT (case_ref) DO UPDATE
               SET reason = excluded.reason, held_by = excluded.held_by, held_at = excluded.held_at
            """;

    private static final String HOLD = """
            SELECT case_ref, held_by, held_at FROM evidence_case_hold WHERE case_ref = :caseRef
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

    private static final String CONTENT_HELD = """
            SELECT COUNT(*) FROM evidence_held_content WHERE content_id = :contentId
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    EvidenceRecords(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    void recordExport(EvidenceExport export, long keyId) {
        jdbc.sql(INSERT_EXPORT)
                .param("id", export.manifestSha256())
                .param("caseRef", export.caseRef())
                .param("exportedBy", export.exportedBy())
                .param("reason", export.reason())
                .param("manifest", export.manifestSha256())
                .param("keyId", keyId)
                .param("exportedAt", dialect.bind(export.exportedAt()))
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
    void hold(String caseRef, String sealedReason, String heldBy, Instant heldAt, List<String> contentIds) {
        jdbc.sql(INSERT_HOLD)
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

    boolean contentHeld(String contentId) {
        return jdbc.sql(CONTENT_HELD)
                        .param("contentId", contentId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<CaseHold> hold(String caseRef) {
        return jdbc.sql(HOLD)
                .param("caseRef", caseRef)
                .query((row, n) -> new CaseHold(
                        row.getString("case_ref"), row.getString("held_by"), required(dialect.instant(row, "held_at"))))
                .optional();
    }

    boolean release(String caseRef) {
        jdbc.sql(DELETE_HELD_CONTENT).param("caseRef", caseRef).update();
        return jdbc.sql(DELETE_HOLD).param("caseRef", caseRef).update() > 0;
    }

    private static Instant required(@Nullable Instant instant) {
        return Objects.requireNonNull(instant, "a NOT NULL time column was null");
    }
}
