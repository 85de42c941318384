package org.redress.server.enforcement;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only figures over the webhook outbox for accountability reporting (the transparency
 * module): the uploads a check blocked automatically and which of them were later given back.
 * Reads no body and changes nothing. Periods are half-open: {@code from} included, {@code until}
 * excluded.
 */
@Component
public class EnforcementStatistics {

    /** A blocked upload counts as released when a restore was asked for it after (or with) its block. */
    private static final String BLOCKS = """
            SELECT COUNT(*) AS blocks,
                   COUNT(DISTINCT b.content_id) AS uploads,
                   COUNT(DISTINCT CASE WHEN r.last_restore >= b.created_at THEN b.content_id END) AS released
              FROM enforcement_delivery b
              LEFT JOIN (SELECT content_id, MAX(created_at) AS last_restore
                           FROM enforcement_delivery WHERE type = 'content.restore' GROUP BY content_id) r
                ON r.content_id = b.content_id
             WHERE b.type = 'upload.blocked' AND b.created_at >= :since AND b.created_at < :until
            """;

    private static final String EACH_BLOCK = """
            SELECT id, case_ref, created_at FROM enforcement_delivery
             WHERE type = 'upload.blocked' AND created_at >= :since AND created_at < :until
             ORDER BY created_at, id
            """;

    /**
     * Automated blocks in a period.
     *
     * @param blocks the {@code upload.blocked} webhooks: one per blocked check, each an automated decision
     * @param uploads the distinct content items blocked
     * @param released of those, the ones the platform was later asked to restore
     */
    public record Blocks(long blocks, long uploads, long released) {}

    /**
     * One automated block, for a per-decision export.
     *
     * @param id the delivery's id
     * @param caseRef the case the block belongs to, or {@link Enforcement#AUTOMATED_CASE_REF}
     * @param blockedAt when the check blocked the upload
     */
    public record AutomatedBlock(String id, String caseRef, Instant blockedAt) {
        public AutomatedBlock {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(caseRef, "caseRef");
            Objects.requireNonNull(blockedAt, "blockedAt");
        }
    }

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    EnforcementStatistics(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    public Blocks blocks(Instant from, Instant until) {
        return jdbc.sql(BLOCKS)
                .param("since", dialect.bind(from))
                .param("until", dialect.bind(until))
                .query((row, n) -> new Blocks(row.getLong("blocks"), row.getLong("uploads"), row.getLong("released")))
                .single();
    }

    /**
     * Hands each automated block of the period to {@code each} as it is read, oldest first, reading
     * {@code fetchSize} rows at a time. On PostgreSQL the caller's transaction makes that a cursor.
     */
    public void eachBlock(Instant from, Instant until, int fetchSize, Consumer<AutomatedBlock> each) {
        jdbc.sql(EACH_BLOCK)
                .withFetchSize(fetchSize)
                .param("since", dialect.bind(from))
                .param("until", dialect.bind(until))
                .query((RowCallbackHandler) row -> each.accept(new AutomatedBlock(
                        row.getString("id"),
                        row.getString("case_ref"),
                        Objects.requireNonNull(dialect.instant(row, "created_at")))));
    }
}
