package org.redress.server.evidence;

import java.time.Instant;
import java.util.List;
import org.redress.server.storage.SqlDialect;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Evidence's own kinds on the retention schedule: export records and law-enforcement requests. */
@Configuration(proxyBeanMethods = false)
class EvidenceRetention {

    @Bean
    RetainedRecords exportRetention(JdbcClient jdbc, SqlDialect dialect) {
        return RetainedRecords.rows(
                RetentionKind.EVIDENCE_EXPORT, jdbc, dialect, """
                SELECT id, case_ref FROM evidence_export
                 WHERE exported_at < :cutoff AND id > :after ORDER BY id LIMIT :limit
                """, "DELETE FROM evidence_export WHERE id = :id");
    }

    @Bean
    RetainedRecords requestRetention(RequestRecords requests) {
        return new RetainedRecords() {
            @Override
            public RetentionKind kind() {
                return RetentionKind.LAW_ENFORCEMENT_REQUEST;
            }

            @Override
            public List<RetainedRecord> olderThan(Instant cutoff, String afterId, int limit) {
                return requests.untouchedSince(cutoff, afterId, limit).stream()
                        .map(id -> new RetainedRecord(id, requests.scope(id), List.of()))
                        .toList();
            }

            @Override
            public void delete(RetainedRecord record) {
                requests.delete(record.id());
            }
        };
    }
}
