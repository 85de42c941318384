package org.redress.server.evidence;

import java.time.Instant;
import java.util.List;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records of one {@link RetentionKind} that the retention sweep deletes when their time is up and no
 * hold keeps them. Evidence declares its own (exports, law-enforcement requests); a module that
 * keeps CSEA referrals declares one bean per kind, and the one sweep applies the schedule to it. The
 * sweep, not the bean, decides what is held.
 */
public interface RetainedRecords {

    RetentionKind kind();

    /** Up to {@code limit} records older than the cutoff whose id sorts after {@code afterId}, by id. */
    List<RetainedRecord> olderThan(Instant cutoff, String afterId, int limit);

    /** Deletes the record; runs in the sweep's transaction, which also logs and audits the deletion. */
    void delete(RetainedRecord record);

    /**
     * A kind whose records are rows of one table: {@code select} names {@code :cutoff}, {@code :after}
     * and {@code :limit} and returns {@code id} and {@code case_ref} in id order; each of
     * {@code deletes} takes {@code :id}, in order (children first).
     */
    static RetainedRecords rows(
            RetentionKind kind, JdbcClient jdbc, SqlDialect dialect, String select, String... deletes) {
        return new RetainedRecords() {
            @Override
            public RetentionKind kind() {
                return kind;
            }

            @Override
            public List<RetainedRecord> olderThan(Instant cutoff, String afterId, int limit) {
                return jdbc.sql(select)
                        .param("cutoff", dialect.bind(cutoff))
                        .param("after", afterId)
                        .param("limit", limit)
                        .query((row, n) ->
                                new RetainedRecord(row.getString("id"), List.of(row.getString("case_ref")), List.of()))
                        .list();
            }

            @Override
            public void delete(RetainedRecord record) {
                for (String delete : deletes) {
                    jdbc.sql(delete).param("id", record.id()).update();
                }
            }
        };
    }
}
