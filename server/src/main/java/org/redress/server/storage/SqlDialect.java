package org.redress.server.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The few things SQLite and PostgreSQL do differently. Everything else is portable SQL in the
 * modules' repositories. Instants are stored as epoch milliseconds in SQLite (it has no timestamp
 * type, and integers sort and compare exactly) and as {@code timestamptz} in PostgreSQL; both keep
 * millisecond precision, which is why {@link #truncate(Instant)} exists.
 */
public sealed interface SqlDialect {

    /** Flyway's folder name under {@code db/migration}: {@code sqlite} or {@code postgresql}. */
    String vendor();

    /** The value to bind for an instant. */
    Object bind(Instant instant);

    /** Reads an instant column; SQL {@code NULL} gives {@code null}. */
    @org.jspecify.annotations.Nullable
    Instant instant(ResultSet row, String column) throws SQLException;

    /**
     * Makes concurrent transactions that append to the same sequence (such as the audit chain) run
     * one after another, until the current transaction ends.
     */
    void serialize(JdbcClient jdbc, String lockName);

    /** The precision both databases keep. */
    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    static SqlDialect forUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return new Sqlite();
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return new Postgresql();
        }
        throw new IllegalArgumentException("unsupported database URL scheme");
    }

    /** SQLite: one writer at a time. */
    record Sqlite() implements SqlDialect {
        @Override
        public String vendor() {
            return "sqlite";
        }

        @Override
        public Object bind(Instant instant) {
            return instant.toEpochMilli();
        }

        @Override
        public @org.jspecify.annotations.Nullable Instant instant(ResultSet row, String column) throws SQLException {
            long millis = row.getLong(column);
            return row.wasNull() ? null : Instant.ofEpochMilli(millis);
        }

        @Override
        public void serialize(JdbcClient jdbc, String lockName) {
            // Every transaction begins IMMEDIATE (see Databases), so it already holds the
            // database's single write lock: there is nothing more to take.
        }
    }

    /** PostgreSQL: concurrent writers, so appenders take a transaction-scoped advisory lock. */
    record Postgresql() implements SqlDialect {
        @Override
        public String vendor() {
            return "postgresql";
        }

        @Override
        public Object bind(Instant instant) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }

        @Override
        public @org.jspecify.annotations.Nullable Instant instant(ResultSet row, String column) throws SQLException {
            OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }

        @Override
        public void serialize(JdbcClient jdbc, String lockName) {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:name))")
                    .param("name", lockName)
                    .query()
                    .singleRow();
        }
    }
}
