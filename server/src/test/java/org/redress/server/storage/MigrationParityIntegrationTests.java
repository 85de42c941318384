package org.redress.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.redress.server.TestDatabase;

/** Both vendors' migrations have the same versions and produce the same tables and columns. */
class MigrationParityIntegrationTests {

    @Test
    void migratesBothVendorsToTheSameTablesAndColumns() throws SQLException {
        try (var sqlite = TestDatabase.create(TestDatabase.Vendor.SQLITE);
                var postgres = TestDatabase.create(TestDatabase.Vendor.POSTGRESQL);
                HikariDataSource sqliteSource = Databases.open(sqlite.jdbcUrl());
                HikariDataSource postgresSource = Databases.open(postgres.jdbcUrl())) {
            Databases.migrate(sqliteSource, new SqlDialect.Sqlite());
            Databases.migrate(postgresSource, new SqlDialect.Postgresql());

            assertThat(versions(sqliteSource, "sqlite")).isNotEmpty().isEqualTo(versions(postgresSource, "postgresql"));
            var sqliteSchema = schema(sqliteSource, null);
            var postgresSchema =
                    schema(postgresSource, postgresSource.getConnection().getSchema());
            assertThat(sqliteSchema).containsKeys("identity_user", "identity_api_key", "audit_entry");
            assertThat(sqliteSchema).isEqualTo(postgresSchema);
        }
    }

    private static List<String> versions(HikariDataSource source, String vendor) {
        return java.util.Arrays.stream(Flyway.configure()
                        .dataSource(source)
                        .locations("classpath:db/migration/" + vendor)
                        .load()
                        .info()
                        .applied())
                .map(MigrationInfo::getVersion)
                .map(Object::toString)
                .toList();
    }

    private static Map<String, TreeSet<String>> schema(HikariDataSource source, String schema) throws SQLException {
        var tables = new TreeMap<String, TreeSet<String>>();
        try (Connection connection = source.getConnection();
                ResultSet columns = connection.getMetaData().getColumns(null, schema, "%", "%")) {
            while (columns.next()) {
                String table = columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (table.startsWith("flyway_") || table.startsWith("sqlite_")) {
                    continue;
                }
                tables.computeIfAbsent(table, t -> new TreeSet<>())
                        .add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }
}
