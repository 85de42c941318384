package org.redress.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/** Opens and migrates the database; the service, the CLI and the tests all come through here. */
public final class Databases {

    private static final Logger log = LoggerFactory.getLogger(Databases.class);

    private Databases() {}

    /**
     * A pooled data source for the URL, with SQLite tuned for one writer among several readers:
     * WAL journal, {@code synchronous=FULL} (a committed transaction survives a killed process or a
     * power cut), a busy timeout, and IMMEDIATE transactions so that a transaction that reads before
     * it writes waits for the write lock instead of failing with {@code SQLITE_BUSY}.
     */
    public static HikariDataSource open(String jdbcUrl) {
        var config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("redress");
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            createParentDirectory(jdbcUrl.substring("jdbc:sqlite:".length()));
            var sqlite = new SQLiteConfig();
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            sqlite.setBusyTimeout(30_000);
            sqlite.enforceForeignKeys(true);
            sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            config.setDataSourceProperties(sqlite.toProperties());
            config.setMaximumPoolSize(4);
        } else {
            config.setMaximumPoolSize(10);
        }
        return new HikariDataSource(config);
    }

    /**
     * Applies the vendor's migrations from {@code classpath:db/migration/<vendor>}.
     *
     * <p>Out of order when needed: each module numbers its migrations in its own range (identity,
     * audit and storage 1-9, intake 10s, matching 20s, review 30s, enforcement 40s, media 50s), so a
     * release that adds a module's next migration adds a version below the highest a running database
     * already has, which Flyway would refuse. Applying such versions is right here, since a module's
     * migrations touch only that module's tables; it is switched on only for a database that needs
     * it, so fresh databases and ordinary upgrades migrate (and log) exactly as usual.
     */
    public static void migrate(DataSource dataSource, SqlDialect dialect) {
        var configuration =
                Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + dialect.vendor());
        List<String> below = missingBelowCurrent(configuration.load().info());
        if (!below.isEmpty()) {
            log.info("Applying migrations {} below the database's highest version (a module's next migration)", below);
        }
        configuration.outOfOrder(!below.isEmpty()).load().migrate();
    }

    /** Versions not applied yet that are lower than the highest one applied. */
    private static List<String> missingBelowCurrent(MigrationInfoService info) {
        MigrationInfo current = info.current();
        if (current == null || current.getVersion() == null) {
            return List.of();
        }
        return Arrays.stream(info.all())
                .filter(m -> m.getInstalledOn() == null
                        && m.getVersion() != null
                        && m.getVersion().compareTo(current.getVersion()) < 0)
                .map(m -> m.getVersion().getVersion())
                .toList();
    }

    private static void createParentDirectory(String file) {
        int query = file.indexOf('?');
        String path = query < 0 ? file : file.substring(0, query);
        if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database directory", e);
        }
    }
}
