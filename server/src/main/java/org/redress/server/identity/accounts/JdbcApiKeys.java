package org.redress.server.identity.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.redress.server.identity.ApiKey;
import org.redress.server.identity.ApiKeyId;
import org.redress.server.identity.Role;
import org.redress.server.identity.UserId;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcApiKeys implements ApiKeys {

    private static final String INSERT = """
            INSERT INTO identity_api_key (id, name, role, owner_user_id, key_prefix, key_hash, created_at, revoked_at)
            VALUES (:id, :name, :role, :owner, :prefix, :hash, :createdAt, NULL)
            """;

    private static final String COLUMNS =
            "SELECT id, name, role, owner_user_id, key_prefix, created_at, revoked_at FROM identity_api_key";

    private static final String FIND_BY_ID = COLUMNS + " WHERE id = :id";

    private static final String FIND_BY_HASH = COLUMNS + " WHERE key_hash = :hash";

    private static final String ALL = COLUMNS + " ORDER BY created_at, id";

    private static final String REVOKE_IF_ACTIVE = """
            UPDATE identity_api_key
               SET revoked_at = :revokedAt
             WHERE id = :id AND revoked_at IS NULL
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    JdbcApiKeys(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    @Override
    public void insert(ApiKey key, String secretHash) {
        jdbc.sql(INSERT)
                .param("id", key.id().toString())
                .param("name", key.name())
                .param("role", key.role().name())
                .param("owner", key.ownerId().map(UserId::toString).orElse(null))
                .param("prefix", key.prefix())
                .param("hash", secretHash)
                .param("createdAt", dialect.bind(key.createdAt()))
                .update();
    }

    @Override
    public Optional<ApiKey> find(ApiKeyId id) {
        return jdbc.sql(FIND_BY_ID)
                .param("id", id.toString())
                .query(this::toKey)
                .optional();
    }

    @Override
    public Optional<ApiKey> findBySecretHash(String secretHash) {
        return jdbc.sql(FIND_BY_HASH)
                .param("hash", secretHash)
                .query(this::toKey)
                .optional();
    }

    @Override
    public List<ApiKey> all() {
        return jdbc.sql(ALL).query(this::toKey).list();
    }

    @Override
    public boolean revoke(ApiKeyId id, Instant at) {
        return jdbc.sql(REVOKE_IF_ACTIVE)
                        .param("id", id.toString())
                        .param("revokedAt", dialect.bind(at))
                        .update()
                == 1;
    }

    private ApiKey toKey(ResultSet row, int rowNumber) throws SQLException {
        String owner = row.getString("owner_user_id");
        return new ApiKey(
                new ApiKeyId(UUID.fromString(row.getString("id"))),
                row.getString("name"),
                Role.valueOf(row.getString("role")),
                owner == null ? null : new UserId(UUID.fromString(owner)),
                row.getString("key_prefix"),
                Objects.requireNonNull(dialect.instant(row, "created_at"), "created_at"),
                dialect.instant(row, "revoked_at"));
    }
}
