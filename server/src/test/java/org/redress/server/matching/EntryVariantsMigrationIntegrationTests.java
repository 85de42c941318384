package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.TestDatabase;
import org.redress.server.storage.Databases;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Earlier releases banked a removed item as eight entries (its own and one per distinct rotation or
 * mirroring). The upgrade folds the seven variants into the item's entry, in their order, deletes
 * their rows and logs the change for the index replicas; an item whose variants coincided (fewer
 * than seven rows) keeps its rows.
 */
class EntryVariantsMigrationIntegrationTests {

    private static final String NOTE = "removed content post-";
    private static final String ROTATED = " (rotated or mirrored)";

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void foldsTheEightEntriesOfAnEarlierRemovalIntoOne(TestDatabase.Vendor vendor) {
        SqlDialect dialect =
                vendor == TestDatabase.Vendor.SQLITE ? new SqlDialect.Sqlite() : new SqlDialect.Postgresql();
        try (var database = TestDatabase.create(vendor);
                HikariDataSource source = Databases.open(database.jdbcUrl())) {
            Flyway.configure()
                    .dataSource(source)
                    .locations("classpath:db/migration/" + dialect.vendor())
                    .target("26")
                    .load()
                    .migrate();
            var jdbc = JdbcClient.create(source);
            Object at = dialect.bind(Instant.parse("2026-11-01T10:00:00Z"));
            jdbc.sql("INSERT INTO matching_bank (id, name, action, max_distance, quality_floor, enabled, created_at)"
                            + " VALUES ('b1', 'confirmed-removals', 'BLOCK', 31, 50, 1, :at)")
                    .param("at", at)
                    .update();
            insert(jdbc, at, "RM-AAAA-AAAA-AAAA", hex(0), NOTE + "1");
            for (int v = 1; v <= 7; v++) {
                insert(jdbc, at, "RM-AAAA-AAAA-AAAA", hex(v), NOTE + "1" + ROTATED);
            }
            insert(jdbc, at, "RM-BBBB-BBBB-BBBB", hex(8), NOTE + "2");
            insert(jdbc, at, "RM-BBBB-BBBB-BBBB", hex(9), NOTE + "2" + ROTATED);

            Databases.migrate(source, dialect);

            List<Map<String, Object>> rows = jdbc.sql(
                            "SELECT source_ref, pdq, variants FROM matching_entry ORDER BY id")
                    .query()
                    .listOfRows();
            assertThat(rows).hasSize(3);
            assertThat(rows.getFirst().get("pdq")).isEqualTo(hex(0));
            assertThat(rows.getFirst().get("variants"))
                    .isEqualTo(hex(1) + hex(2) + hex(3) + hex(4) + hex(5) + hex(6) + hex(7));
            assertThat(rows.get(1).get("variants")).isNull();
            assertThat(rows.get(2).get("pdq")).isEqualTo(hex(9));
            assertThat(jdbc.sql("SELECT entries FROM matching_bank_count WHERE bank_id = 'b1'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(3L);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM matching_change WHERE entry_id IS NOT NULL")
                            .query(Long.class)
                            .single())
                    .as("the folded rows and the item's entry, logged for the replicas")
                    .isEqualTo(8L);
        }
    }

    private static void insert(JdbcClient jdbc, Object at, String ref, String pdq, String note) {
        jdbc.sql("INSERT INTO matching_entry (bank_id, pdq, source_kind, source_ref, note, enabled, created_at)"
                        + " VALUES ('b1', :pdq, 'DECISION', :ref, :note, 1, :at)")
                .param("pdq", pdq)
                .param("ref", ref)
                .param("note", note)
                .param("at", at)
                .update();
    }

    private static String hex(int n) {
        return String.format("%064x", n + 1);
    }
}
