package org.redress.server.transparency.registers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The rows of {@code transparency_register_version}: inserted, never updated or deleted. */
@Repository
class RegisterRecords {

    private static final String INSERT = """
            INSERT INTO transparency_register_version (register, version, content, figures, recorded_by, recorded_at)
            VALUES (:register, :version, :content, :figures, :recordedBy, :recordedAt)
            """;

    private static final String LATEST_NUMBER = """
            SELECT COALESCE(MAX(version), 0) FROM transparency_register_version WHERE register = :register
            """;

    private static final String COLUMNS = """
            SELECT register, version, content, figures, recorded_by, recorded_at
              FROM transparency_register_version
            """;

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    RegisterRecords(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Takes the lock that orders writers of the registers (a no-op on SQLite, where writers queue anyway). */
    void serialize() {
        dialect.serialize(jdbc, "transparency_register_version");
    }

    int latestNumber(RegisterKind kind) {
        return jdbc.sql(LATEST_NUMBER)
                .param("register", kind.slug())
                .query(Integer.class)
                .single();
    }

    void insert(RegisterVersion version) {
        jdbc.sql(INSERT)
                .param("register", version.register())
                .param("version", version.version())
                .param("content", JSON.writeValueAsString(version.content()))
                .param("figures", version.figures() == null ? null : JSON.writeValueAsString(version.figures()))
                .param("recordedBy", version.recordedBy())
                .param("recordedAt", dialect.bind(version.recordedAt()))
                .update();
    }

    /** Every version, newest first. */
    List<RegisterVersion> history(RegisterKind kind) {
        return jdbc.sql(COLUMNS + " WHERE register = :register ORDER BY version DESC")
                .param("register", kind.slug())
                .query((row, n) -> read(kind, row))
                .list();
    }

    Optional<RegisterVersion> version(RegisterKind kind, int version) {
        return jdbc.sql(COLUMNS + " WHERE register = :register AND version = :version")
                .param("register", kind.slug())
                .param("version", version)
                .query((row, n) -> read(kind, row))
                .optional();
    }

    Optional<RegisterVersion> latest(RegisterKind kind) {
        return version(kind, latestNumber(kind));
    }

    private RegisterVersion read(RegisterKind kind, ResultSet row) throws SQLException {
        @Nullable String figures = row.getString("figures");
        Class<? extends RegisterContent> type = switch (kind) {
            case RISK_ASSESSMENT -> RiskAssessment.class;
            case MEASURES -> Measures.class;
            case ACCOUNTABLE_INDIVIDUAL -> AccountableIndividual.class;
        };
        @Nullable Instant at = dialect.instant(row, "recorded_at");
        return new RegisterVersion(
                row.getString("register"),
                row.getInt("version"),
                row.getString("recorded_by"),
                Objects.requireNonNull(at, "recorded_at"),
                JSON.readValue(row.getString("content"), type),
                figures == null ? null : JSON.readValue(figures, JsonNode.class));
    }
}
