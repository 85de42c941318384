package org.redress.server.referral;

import org.redress.server.evidence.RetainedRecords;
import org.redress.server.evidence.RetentionKind;
import org.redress.server.storage.SqlDialect;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A referral's two periods on evidence's retention schedule (S.I. 2026/268): the content and data
 * of the report (the sealed record, which names the uploader, the files' hashes and content ids,
 * and a withdrawal's reason) for {@code csea-content}, one year by default, then they are emptied;
 * the referral itself with the agency's reference for {@code csea-referrals}, five years, then it
 * goes with its steps. A hold on the case keeps both:
 * the sweep, not this class, decides what is held. A referral still on its way to the agency
 * (queued, built, submitted, being retracted) keeps its record whatever its age, since sending needs it.
 */
@Configuration(proxyBeanMethods = false)
class ReferralRetention {

    @Bean
    RetainedRecords referralContentRetention(JdbcClient jdbc, SqlDialect dialect) {
        return RetainedRecords.rows(
                RetentionKind.CSEA_CONTENT,
                jdbc,
                dialect,
                """
                SELECT id, case_ref FROM referral_referral
                 WHERE created_at < :cutoff AND id > :after AND record_enc IS NOT NULL
                   AND state IN ('SENT', 'MANUAL', 'WITHDRAWN')
                 ORDER BY id LIMIT :limit
                """,
                "UPDATE referral_referral SET record_enc = NULL, withdrawn_reason_enc = NULL WHERE id = :id",
                "DELETE FROM referral_file WHERE referral_id = :id");
    }

    @Bean
    RetainedRecords referralRecordRetention(JdbcClient jdbc, SqlDialect dialect) {
        return RetainedRecords.rows(
                RetentionKind.CSEA_REFERRAL,
                jdbc,
                dialect,
                """
                SELECT id, case_ref FROM referral_referral
                 WHERE created_at < :cutoff AND id > :after
                 ORDER BY id LIMIT :limit
                """,
                "DELETE FROM referral_file WHERE referral_id = :id",
                "DELETE FROM referral_step WHERE referral_id = :id",
                "DELETE FROM referral_referral WHERE id = :id");
    }
}
