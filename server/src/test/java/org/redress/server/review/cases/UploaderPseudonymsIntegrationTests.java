package org.redress.server.review.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.StorageContext;
import org.redress.server.TestDatabase;
import org.redress.server.storage.DerivedKeys;
import org.redress.server.storage.FieldCipher;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Security review, defect 15: review keeps an uploader's removal count under a keyed pseudonym,
 * never the platform's user id, and converts the plain ids that earlier releases stored (merging
 * a count that was already kept under the pseudonym). On both databases.
 */
class UploaderPseudonymsIntegrationTests {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void countsRemovalsUnderAPseudonymAndSealsRowsOfEarlierReleases(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = StorageContext.open(db)) {
            var jdbc = context.getBean(JdbcClient.class);
            var cases = new JdbcReviewCases(
                    jdbc,
                    context.getBean(SqlDialect.class),
                    context.getBean(FieldCipher.class),
                    context.getBean(DerivedKeys.class));

            assertThat(cases.countRemoval("user-42", AT)).isEqualTo(1);
            assertThat(cases.countRemoval("user-42", AT)).isEqualTo(2);
            assertThat(jdbc.sql("SELECT uploader_id FROM review_uploader")
                            .query(String.class)
                            .list())
                    .singleElement()
                    .satisfies(stored -> assertThat(stored).startsWith("p1:").doesNotContain("user-42"));
            assertThat(cases.markSuspended("user-42", AT, AT.plusSeconds(60))).isTrue();
            assertThat(cases.markSuspended("user-42", AT, AT.plusSeconds(60)))
                    .as("not twice while it runs")
                    .isFalse();

            db.update("INSERT INTO review_uploader (uploader_id, confirmed_removals, last_removal_at)"
                    + " VALUES ('legacy-7', 3, '2026-11-01 10:00:00+00')");
            db.update("INSERT INTO review_uploader (uploader_id, confirmed_removals, last_removal_at)"
                    + " VALUES ('both-1', 2, '2026-11-01 10:00:00+00')");
            cases.countRemoval("both-1", AT);

            assertThat(cases.sealLegacyUploaderRows()).isEqualTo(2);

            assertThat(cases.confirmedRemovals("legacy-7")).isEqualTo(3);
            assertThat(cases.confirmedRemovals("both-1")).isEqualTo(3);
            assertThat(jdbc.sql("SELECT uploader_id FROM review_uploader")
                            .query(String.class)
                            .list())
                    .hasSize(3)
                    .allSatisfy(stored -> assertThat(stored).startsWith("p1:"));
            assertThat(cases.sealLegacyUploaderRows()).isZero();
        }
    }
}
