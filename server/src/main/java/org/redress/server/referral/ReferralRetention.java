package org.redress.server.referral;

import java.time.Instant;
import java.util.List;
import org.redress.server.evidence.RetainedRecord;
import org.redress.server.evidence.RetainedRecords;
import org.redress.server.evidence.RetentionKind;
import org.redress.server.storage.SqlDialect;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A referral's two periods on evidence's retention schedule (S.I. 2026/268): the content and data
 * of the report (the sealed record, which names the uploader) for {@code csea-content}, one year by
 * default, then the record is emptied; the referral itself with the agency's reference for
 * {@code csea-referrals}, five years, then it goes with its steps. A hold on the case keeps both:
 * the sweep, not this class, decides what is held. A referral still on its way to the agency
 * (queued, built, submitted) keeps its record whatever its age, since sending needs it.
 */
@Configuration(proxyBeanMethods = false)
class ReferralRetention {

    @Bean
    RetainedRecords referralContentRetention(JdbcClient jdbc, SqlDialect dialect) {
        return new RetainedRecords() {
            @Override
            public RetentionKind kind() {
                return RetentionKind.CSEA_CONTENT;
            }

            @Override
            public List<RetainedRecord> olderThan(Instant cutoff, String afterId, int limit) {
                return older(jdbc, dialect, """
                        SELECT id, case_ref FROM referral_referral
                         WHERE created_at < :cutoff AND id > :after AND record_enc IS NOT NULL
                           AND state IN ('SENT', 'MANUAL')
                         ORDER BY id LIMIT :limit
                        """, cutoff, afterId, limit);
            }

            @Override
            public void delete(RetainedRecord record) {
                jdbc.sql("UPDATE referral_referral SET record_enc = NULL WHERE id = :id")
                        .param("id", record.id())
                        .update();
            }
        };
    }

    @Bean
    RetainedRecords referralRecordRetention(JdbcClient jdbc, SqlDialect dialect) {
        return new RetainedRecords() {
            @Override
            public RetentionKind kind() {
                return RetentionKind.CSEA_REFERRAL;
            }

            @Override
            public List<RetainedRecord> olderThan(Instant cutoff, String afterId, int limit) {
                return older(jdbc, dialect, """
                        SELECT id, case_ref FROM referral_referral
                         WHERE created_at < :cutoff AND id > :after
                         ORDER BY id LIMIT :limit
                        """, cutoff, afterId, limit);
            }

            @Override
            public void delete(RetainedRecord record) {
                jdbc.sql("DELETE FROM referral_step WHERE referral_id = :id")
                        .param("id", record.id())
                        .update();
                jdbc.sql("DELETE FROM referral_referral WHERE id = :id")
                        .param("id", record.id())
                        .update();
            }
        };
    }

    private static List<RetainedRecord> older(
            JdbcClient jdbc, SqlDialect dialect, String sql, Instant cutoff, String afterId, int limit) {
        return jdbc.sql(sql)
                .param("cutoff", dialect.bind(cutoff))
                .param("after", afterId)
                .param("limit", limit)
                .query((row, n) ->
                        new RetainedRecord(row.getString("id"), List.of(row.getString("case_ref")), List.of()))
                .list();
    }
}
