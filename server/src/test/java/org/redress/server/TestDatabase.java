package org.redress.server;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database for one test class: a SQLite file in a temporary directory, or a new
 * schema in the PostgreSQL named by {@code REDRESS_TEST_POSTGRES_URL} (dropped on close). Without
 * that variable PostgreSQL tests are skipped with a message, except under {@code CI=true}, where
 * they fail: a skipped database suite must not look green.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String POSTGRES_URL_VARIABLE = "REDRESS_TEST_POSTGRES_URL";

    public enum Vendor {
        SQLITE,
        POSTGRESQL
    }

    private final Vendor vendor;
    private final Path dataDirectory;
    private final String jdbcUrl;
    private final String schema;

    private TestDatabase(Vendor vendor, Path dataDirectory, String jdbcUrl, String schema) {
        this.vendor = vendor;
        this.dataDirectory = dataDirectory;
        this.jdbcUrl = jdbcUrl;
        this.schema = schema;
    }

    public static TestDatabase create(Vendor vendor) {
        Path data;
        try {
            data = Files.createTempDirectory("redress-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return switch (vendor) {
            case SQLITE -> new TestDatabase(vendor, data, "jdbc:sqlite:" + data.resolve("redress.db"), "");
            case POSTGRESQL -> {
                String base = postgresUrlOrSkip();
                String schema = "t_"
                        + UUID.randomUUID()
                                .toString()
                                .replace("-", "")
                                .substring(0, 16)
                                .toLowerCase(Locale.ROOT);
                execute(base, "CREATE SCHEMA " + schema);
                yield new TestDatabase(
                        vendor, data, base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema, schema);
            }
        };
    }

    /** The SQLite database of an existing data directory (for a child process that shares it). */
    public static TestDatabase existingSqlite(Path dataDirectory) {
        return new TestDatabase(Vendor.SQLITE, dataDirectory, "jdbc:sqlite:" + dataDirectory.resolve("redress.db"), "");
    }

    /** The base PostgreSQL URL; skips the calling test when there is none (fails it under CI). */
    public static String postgresUrlOrSkip() {
        String url = System.getenv(POSTGRES_URL_VARIABLE);
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(POSTGRES_URL_VARIABLE + " must be set when CI=true: the PostgreSQL suite may not be skipped");
            }
            System.err.println("SKIPPED: PostgreSQL tests need " + POSTGRES_URL_VARIABLE
                    + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)");
            Assumptions.abort(POSTGRES_URL_VARIABLE + " is not set; PostgreSQL tests skipped");
        }
        return url;
    }

    public Vendor vendor() {
        return vendor;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Drops the triggers that keep {@code audit_entry} append-only, as an attacker holding the
     * table owner's rights could, so tests can show that tampering is still detected.
     */
    public void dropAuditTriggers() {
        if (vendor == Vendor.POSTGRESQL) {
            update("DROP TRIGGER audit_entry_no_update_or_delete ON audit_entry");
            update("DROP TRIGGER audit_entry_no_truncate ON audit_entry");
        } else {
            update("DROP TRIGGER audit_entry_no_update");
            update("DROP TRIGGER audit_entry_no_delete");
        }
    }

    /** Runs one statement directly, outside the service: how tests tamper with stored rows. */
    public int update(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    @Override
    public void close() {
        if (vendor == Vendor.POSTGRESQL) {
            execute(postgresUrlOrSkip(), "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return vendor.name().toLowerCase(Locale.ROOT);
    }
}
