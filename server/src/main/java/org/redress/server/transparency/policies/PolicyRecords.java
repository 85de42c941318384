package org.redress.server.transparency.policies;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code transparency_policy_version}: inserted, never updated or deleted. */
@Repository
class PolicyRecords {

    private static final String INSERT = """
            INSERT INTO transparency_policy_version (policy, version, title, body, published_by, published_at)
            VALUES (:policy, :version, :title, :body, :publishedBy, :publishedAt)
            """;

    private static final String LATEST_NUMBER = """
            SELECT COALESCE(MAX(version), 0) FROM transparency_policy_version WHERE policy = :policy
            """;

    private static final String COLUMNS = """
            SELECT policy, version, title, body, published_by, published_at
              FROM transparency_policy_version
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    PolicyRecords(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    void serialize() {
        dialect.serialize(jdbc, "transparency_policy_version");
    }

    int latestNumber(PolicyKind kind) {
        return jdbc.sql(LATEST_NUMBER)
                .param("policy", kind.slug())
                .query(Integer.class)
                .single();
    }

    void insert(PolicyVersion version) {
        jdbc.sql(INSERT)
                .param("policy", version.policy())
                .param("version", version.version())
                .param("title", version.title())
                .param("body", version.text())
                .param("publishedBy", version.publishedBy())
                .param("publishedAt", version.publishedAt() == null ? null : dialect.bind(version.publishedAt()))
                .update();
    }

    /** Every published version, newest first. */
    List<PolicyVersion> history(PolicyKind kind) {
        return jdbc.sql(COLUMNS + " WHERE policy = :policy ORDER BY version DESC")
                .param("policy", kind.slug())
                .query((row, n) -> read(row))
                .list();
    }

    Optional<PolicyVersion> version(PolicyKind kind, int version) {
        return jdbc.sql(COLUMNS + " WHERE policy = :policy AND version = :version")
                .param("policy", kind.slug())
                .param("version", version)
                .query((row, n) -> read(row))
                .optional();
    }

    private PolicyVersion read(ResultSet row) throws SQLException {
        return new PolicyVersion(
                row.getString("policy"),
                row.getInt("version"),
                row.getString("title"),
                row.getString("body"),
                row.getString("published_by"),
                dialect.instant(row, "published_at"));
    }
}
