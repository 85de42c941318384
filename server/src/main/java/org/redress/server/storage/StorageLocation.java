package org.redress.server.storage;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The data directory and the JDBC URL of the database. Without a URL the database is SQLite in
 * {@code <data>/redress.db}; the data directory also holds the generated data key, if any.
 */
public record StorageLocation(Path dataDirectory, String jdbcUrl) {

    /** The data directory when nothing else is configured. */
    public static final String DEFAULT_DATA_DIRECTORY = "data";

    public StorageLocation {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:sqlite:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("database URL must start with jdbc:sqlite: or jdbc:postgresql:");
        }
    }

    /** Fills in the defaults: {@code ./data} and SQLite inside it. Blank values count as absent. */
    public static StorageLocation resolve(@Nullable String dataDirectory, @Nullable String jdbcUrl) {
        Path data = Path.of(isBlank(dataDirectory) ? DEFAULT_DATA_DIRECTORY : dataDirectory)
                .toAbsolutePath()
                .normalize();
        String url = jdbcUrl == null || jdbcUrl.isBlank() ? "jdbc:sqlite:" + data.resolve("redress.db") : jdbcUrl;
        return new StorageLocation(data, url);
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    /** The URL without its query string, which may carry credentials. */
    public String describe() {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
