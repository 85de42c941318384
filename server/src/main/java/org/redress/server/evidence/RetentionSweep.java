package org.redress.server.evidence;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.redress.server.media.Media;
import org.redress.server.shared.Actor;
import org.redress.server.storage.SqlDialect;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one retention sweep (ADR 0021): claims the sweep so that one instance runs it at a time,
 * purges media past {@code redress.media.retention} (and encrypted files no row names, left by a
 * crash; media itself schedules no purge of its own), then deletes each record of every
 * {@link RetainedRecords} past its kind's period, unless a case hold or a content hold standing now
 * keeps it. Each deletion is its own short transaction that rechecks the holds under the holds'
 * lock, deletes, writes a row in {@code evidence_deletion} and an audit entry.
 */
@Service
public class RetentionSweep {

    /** Who deletes: the audit log names retention as the actor. */
    static final Actor RETENTION = new Actor.Operator("evidence-retention");

    private static final int BATCH = 200;

    /**
     * What one sweep did.
     *
     * @param ran false when another instance held the sweep and this one did nothing
     * @param deleted how many records of each kind it deleted ({@code iia-media}: media references)
     * @param keptByHolds how many records past their period a hold kept
     * @param orphanedFiles how many encrypted media files no row named it deleted (a crash's leftovers)
     */
    public record Report(boolean ran, Map<RetentionKind, Integer> deleted, int keptByHolds, int orphanedFiles) {
        public Report {
            deleted = Map.copyOf(deleted);
        }
    }

    private final ObjectProvider<RetainedRecords> kinds;
    private final LegalHolds holds;
    private final Media media;
    private final RetentionSettings settings;
    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final String instance = UUID.randomUUID().toString();

    RetentionSweep(
            ObjectProvider<RetainedRecords> kinds,
            LegalHolds holds,
            Media media,
            RetentionSettings settings,
            JdbcClient jdbc,
            SqlDialect dialect,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.kinds = kinds;
        this.holds = holds;
        this.media = media;
        this.settings = settings;
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Sweeps once, unless another instance holds a live claim; then it reports {@code ran = false}. */
    public Report sweep() {
        String sweepId = UUID.randomUUID().toString();
        if (!claim()) {
            return new Report(false, Map.of(), 0, 0);
        }
        try {
            var deleted = new EnumMap<RetentionKind, Integer>(RetentionKind.class);
            int media = this.media.purgeExpired();
            if (media > 0) {
                transaction.executeWithoutResult(
                        status -> log(RetentionKind.IIA_MEDIA, media + " references", null, sweepId));
                deleted.put(RetentionKind.IIA_MEDIA, media);
            }
            int orphans = this.media.sweepOrphans();
            int kept = 0;
            for (RetainedRecords records : kinds.orderedStream().toList()) {
                int[] counts = sweep(records, sweepId);
                deleted.merge(records.kind(), counts[0], Integer::sum);
                kept += counts[1];
            }
            return new Report(true, deleted, kept, orphans);
        } finally {
            release();
        }
    }

    /** Deletes what is due of one kind; returns {deleted, kept by a hold}. */
    private int[] sweep(RetainedRecords records, String sweepId) {
        Instant now = clock.instant();
        Instant cutoff = now.atOffset(ZoneOffset.UTC)
                .minus(settings.keep(records.kind()))
                .toInstant();
        int deleted = 0;
        int kept = 0;
        String after = "";
        List<RetainedRecord> batch;
        do {
            batch = records.olderThan(cutoff, after, BATCH);
            for (RetainedRecord record : batch) {
                after = record.id();
                if (Boolean.TRUE.equals(transaction.execute(status -> deleteUnlessHeld(records, record, sweepId)))) {
                    deleted++;
                } else {
                    kept++;
                }
            }
        } while (batch.size() == BATCH);
        return new int[] {deleted, kept};
    }

    private boolean deleteUnlessHeld(RetainedRecords records, RetainedRecord record, String sweepId) {
        dialect.serialize(jdbc, LegalHolds.LOCK);
        boolean held = record.caseRefs().stream().anyMatch(holds::caseHeld)
                || record.contentIds().stream().anyMatch(holds::contentHeld);
        if (held) {
            return false;
        }
        records.delete(record);
        log(
                records.kind(),
                record.id(),
                record.caseRefs().isEmpty() ? null : record.caseRefs().getFirst(),
                sweepId);
        return true;
    }

    private void log(
            RetentionKind kind, String recordId, @org.jspecify.annotations.Nullable String caseRef, String sweepId) {
        jdbc.sql("""
                        INSERT INTO evidence_deletion (kind, record_id, case_ref, deleted_at, sweep_id)
                        VALUES (:kind, :recordId, :caseRef, :at, :sweepId)
                        """)
                .param("kind", kind.label())
                .param("recordId", recordId)
                .param("caseRef", caseRef)
                .param("at", dialect.bind(SqlDialect.truncate(clock.instant())))
                .param("sweepId", sweepId)
                .update();
        events.publishEvent(EvidenceChanged.deleted(RETENTION, kind, recordId));
    }

    /** The latest deletions, newest first. */
    public List<Deletion> deletions(int limit) {
        return jdbc.sql("""
                        SELECT kind, record_id, case_ref, deleted_at, sweep_id FROM evidence_deletion
                         ORDER BY id DESC LIMIT :limit
                        """)
                .param("limit", limit)
                .query((row, n) -> new Deletion(
                        row.getString("kind"),
                        row.getString("record_id"),
                        java.util.Optional.ofNullable(row.getString("case_ref")),
                        java.util.Objects.requireNonNull(dialect.instant(row, "deleted_at"), "deleted_at"),
                        row.getString("sweep_id")))
                .list();
    }

    private boolean claim() {
        Instant now = SqlDialect.truncate(clock.instant());
        Integer claimed = transaction.execute(status -> jdbc.sql("""
                        UPDATE evidence_sweep SET claimed_by = :me, claimed_until = :until
                         WHERE name = 'retention' AND (claimed_until IS NULL OR claimed_until <= :now)
                        """)
                .param("me", instance)
                .param("until", dialect.bind(now.plus(settings.lease())))
                .param("now", dialect.bind(now))
                .update());
        return claimed != null && claimed == 1;
    }

    private void release() {
        transaction.executeWithoutResult(status -> jdbc.sql("""
                        UPDATE evidence_sweep SET claimed_by = NULL, claimed_until = NULL, last_swept_at = :now
                         WHERE name = 'retention' AND claimed_by = :me
                        """)
                .param("me", instance)
                .param("now", dialect.bind(SqlDialect.truncate(clock.instant())))
                .update());
    }
}
