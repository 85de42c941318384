package org.redress.server.identity.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.redress.server.identity.Role;
import org.redress.server.identity.StaffUser;
import org.redress.server.identity.UserId;
import org.redress.server.identity.Username;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcStaffUsers implements StaffUsers {

    private static final String INSERT_UNLESS_TAKEN = """
            INSERT INTO identity_user (id, username, password_hash, role, password_expired, enabled,
                created_at, version)
            VALUES (:id, :username, :passwordHash, :role, :passwordExpired, :enabled, :createdAt, 0)
            ON CONFLICT (username) DO NOTHING
            """;

    private static final String FIND_BY_USERNAME = """
            SELECT id, username, password_hash, role, password_expired, enabled, created_at, version
              FROM identity_user
             WHERE username = :username
            """;

    private static final String FIND_BY_ID = """
            SELECT id, username, password_hash, role, password_expired, enabled, created_at, version
              FROM identity_user
             WHERE id = :id
            """;

    private static final String ALL = """
            SELECT id, username, password_hash, role, password_expired, enabled, created_at, version
              FROM identity_user
             ORDER BY username
            """;

    private static final String ANY = "SELECT COUNT(*) FROM (SELECT id FROM identity_user LIMIT 1) AS one";

    private static final String SAVE_IF_UNCHANGED = """
            UPDATE identity_user
               SET password_hash = :passwordHash, password_expired = :passwordExpired, enabled = :enabled,
                   version = version + 1
             WHERE id = :id AND version = :version
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    JdbcStaffUsers(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    @Override
    public boolean insert(StaffUser user) {
        return jdbc.sql(INSERT_UNLESS_TAKEN)
                        .param("id", user.id().toString())
                        .param("username", user.username().value())
                        .param("passwordHash", user.passwordHash())
                        .param("role", user.role().name())
                        .param("passwordExpired", user.passwordExpired())
                        .param("enabled", user.enabled())
                        .param("createdAt", dialect.bind(user.createdAt()))
                        .update()
                == 1;
    }

    @Override
    public Optional<StaffUser> find(Username username) {
        return jdbc.sql(FIND_BY_USERNAME)
                .param("username", username.value())
                .query(this::toUser)
                .optional();
    }

    @Override
    public Optional<StaffUser> find(UserId id) {
        return jdbc.sql(FIND_BY_ID)
                .param("id", id.toString())
                .query(this::toUser)
                .optional();
    }

    @Override
    public List<StaffUser> all() {
        return jdbc.sql(ALL).query(this::toUser).list();
    }

    @Override
    public boolean any() {
        return jdbc.sql(ANY).query(Long.class).single() > 0;
    }

    @Override
    public boolean save(StaffUser user) {
        return jdbc.sql(SAVE_IF_UNCHANGED)
                        .param("id", user.id().toString())
                        .param("passwordHash", user.passwordHash())
                        .param("passwordExpired", user.passwordExpired())
                        .param("enabled", user.enabled())
                        .param("version", user.version())
                        .update()
                == 1;
    }

    private StaffUser toUser(ResultSet row, int rowNumber) throws SQLException {
        return new StaffUser(
                new UserId(UUID.fromString(row.getString("id"))),
                new Username(row.getString("username")),
                Role.valueOf(row.getString("role")),
                row.getString("password_hash"),
                row.getBoolean("password_expired"),
                row.getBoolean("enabled"),
                Objects.requireNonNull(dialect.instant(row, "created_at"), "created_at"),
                row.getLong("version"));
    }
}
