package org.redress.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.server.TestDatabase;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every module numbers its migrations in its own range (identity and audit 1-9, intake 10s,
 * matching 20s, review 30s...), so a release that adds a module's next migration adds a version
 * below the highest one a running database already has. Such a database must still upgrade: for
 * each range, a database migrated without that range's later migrations (as an earlier release
 * left it) is migrated by the service's own {@link Databases#migrate} to every version.
 */
class MigrationUpgradeIntegrationTests {

    /** A version: a module's number, and a part after it when the module's range was full (V19_1). */
    private static final Pattern VERSION = Pattern.compile("V(\\d+(?:_\\d+)?)__.+\\.sql");

    /** Flyway's own order of versions: by number, then by the part after it. */
    private static final Comparator<String> BY_VERSION = Comparator.comparing(MigrationVersion::fromVersion);

    @TempDir
    Path earlierRelease;

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void upgradesADatabaseThatLacksAnyModulesLaterMigrations(TestDatabase.Vendor vendor) throws IOException {
        SqlDialect dialect =
                vendor == TestDatabase.Vendor.SQLITE ? new SqlDialect.Sqlite() : new SqlDialect.Postgresql();
        Map<String, Resource> all = new TreeMap<>(BY_VERSION);
        for (Resource script : new PathMatchingResourcePatternResolver()
                .getResources("classpath:db/migration/" + dialect.vendor() + "/V*__*.sql")) {
            Matcher version = VERSION.matcher(Objects.requireNonNull(script.getFilename()));
            assertThat(version.matches()).as(script.getFilename()).isTrue();
            all.put(version.group(1).replace('_', '.'), script);
        }
        Map<Integer, List<String>> byRange = new TreeMap<>();
        all.keySet()
                .forEach(v -> byRange.computeIfAbsent(Integer.parseInt(v.split("\\.")[0]) / 10, r -> new ArrayList<>())
                        .add(v));
        List<String> everyVersion = List.copyOf(all.keySet());
        int upgrades = 0;
        for (List<String> range : byRange.values()) {
            if (range.size() < 2) {
                continue;
            }
            List<String> later = range.subList(1, range.size());
            try (var database = TestDatabase.create(vendor);
                    HikariDataSource source = Databases.open(database.jdbcUrl())) {
                Path scripts = Files.createDirectories(earlierRelease.resolve(vendor + "-" + range.getFirst()));
                for (var migration : all.entrySet()) {
                    if (!later.contains(migration.getKey())) {
                        try (InputStream in = migration.getValue().getInputStream()) {
                            Files.copy(
                                    in,
                                    scripts.resolve(Objects.requireNonNull(
                                            migration.getValue().getFilename())));
                        }
                    }
                }
                Flyway.configure()
                        .dataSource(source)
                        .locations("filesystem:" + scripts)
                        .load()
                        .migrate();

                Databases.migrate(source, dialect);

                List<String> applied = Arrays.stream(Flyway.configure()
                                .dataSource(source)
                                .locations("classpath:db/migration/" + dialect.vendor())
                                .load()
                                .info()
                                .applied())
                        .map(m -> m.getVersion().getVersion())
                        .sorted(BY_VERSION)
                        .toList();
                assertThat(applied)
                        .as("versions after upgrading a database without %s", later)
                        .isEqualTo(everyVersion);
                upgrades++;
            }
        }
        assertThat(upgrades).as("ranges with more than one migration").isGreaterThanOrEqualTo(2);
    }
}
