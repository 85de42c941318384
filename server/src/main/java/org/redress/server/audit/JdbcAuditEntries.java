package org.redress.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAuditEntries implements AuditEntries {

    private static final String LAST = """
            SELECT seq, occurred_at, actor_kind, actor_id, action, object_type, object_id, prev_hash, entry_hash
              FROM audit_entry
             ORDER BY seq DESC
             LIMIT 1
            """;

    private static final String APPEND = """
            INSERT INTO audit_entry (seq, occurred_at, actor_kind, actor_id, action, object_type, object_id,
                                     prev_hash, entry_hash)
            VALUES (:seq, :occurredAt, :actorKind, :actorId, :action, :objectType, :objectId, :prevHash, :entryHash)
            """;

    private static final String AFTER = """
            SELECT seq, occurred_at, actor_kind, actor_id, action, object_type, object_id, prev_hash, entry_hash
              FROM audit_entry
             WHERE seq > :afterSeq
             ORDER BY seq
             LIMIT :limit
            """;

    private static final String ABOUT = """
            SELECT seq, occurred_at, actor_kind, actor_id, action, object_type, object_id, prev_hash, entry_hash
              FROM audit_entry
             WHERE object_id IN (:ids)
             ORDER BY seq
            """;

    /** Keeps each IN list well under both databases' limits on bound parameters. */
    private static final int IDS_PER_QUERY = 500;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    JdbcAuditEntries(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    @Override
    public void lockForAppend() {
        dialect.serialize(jdbc, "audit_entry");
    }

    @Override
    public Optional<AuditEntry> last() {
        return jdbc.sql(LAST).query(this::toEntry).optional();
    }

    @Override
    public void append(AuditEntry entry) {
        jdbc.sql(APPEND)
                .param("seq", entry.seq())
                .param("occurredAt", dialect.bind(entry.occurredAt()))
                .param("actorKind", entry.actorKind())
                .param("actorId", entry.actorId())
                .param("action", entry.action())
                .param("objectType", entry.objectType())
                .param("objectId", entry.objectId())
                .param("prevHash", entry.prevHash())
                .param("entryHash", entry.entryHash())
                .update();
    }

    @Override
    public List<AuditEntry> after(long afterSeq, int limit) {
        return jdbc.sql(AFTER)
                .param("afterSeq", afterSeq)
                .param("limit", limit)
                .query(this::toEntry)
                .list();
    }

    @Override
    public List<AuditEntry> about(java.util.Collection<String> objectIds) {
        List<String> ids = List.copyOf(new java.util.TreeSet<>(objectIds));
        var found = new java.util.TreeMap<Long, AuditEntry>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            jdbc.sql(ABOUT)
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
                    .query(this::toEntry)
                    .list()
                    .forEach(entry -> found.put(entry.seq(), entry));
        }
        return List.copyOf(found.values());
    }

    private AuditEntry toEntry(ResultSet row, int rowNumber) throws SQLException {
        Instant occurredAt = Objects.requireNonNull(dialect.instant(row, "occurred_at"), "occurred_at");
        return new AuditEntry(
                row.getLong("seq"),
                occurredAt,
                row.getString("actor_kind"),
                row.getString("actor_id"),
                row.getString("action"),
                row.getString("object_type"),
                row.getString("object_id"),
                row.getString("prev_hash"),
                row.getString("entry_hash"));
    }
}
