package org.redress.server.matching.banks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.matching.Bank;
import org.redress.server.matching.BankAction;
import org.redress.server.matching.BankName;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcBanks implements Banks {

    private static final String INSERT_IF_NAME_FREE = """
            INSERT INTO matching_bank (id, name, action, max_distance, quality_floor, enabled, created_at)
            VALUES (:id, :name, :action, :maxDistance, :qualityFloor, :enabled, :createdAt)
            ON CONFLICT (name) DO NOTHING
            """;

    private static final String COLUMNS = """
            SELECT id, name, action, max_distance, quality_floor, enabled, created_at FROM matching_bank
            """;

    private static final String BY_NAME = COLUMNS + " WHERE name = :name";

    private static final String BY_ID = COLUMNS + " WHERE id = :id";

    private static final String ALL = COLUMNS + " ORDER BY name";

    private static final String UPDATE = """
            UPDATE matching_bank
               SET action = :action, max_distance = :maxDistance, quality_floor = :qualityFloor, enabled = :enabled
             WHERE id = :id
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    JdbcBanks(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    @Override
    public boolean insert(Bank bank) {
        return jdbc.sql(INSERT_IF_NAME_FREE)
                        .param("id", bank.id())
                        .param("name", bank.name().value())
                        .param("action", bank.action().name())
                        .param("maxDistance", bank.maxDistance())
                        .param("qualityFloor", bank.qualityFloor())
                        .param("enabled", bank.enabled() ? 1 : 0)
                        .param("createdAt", dialect.bind(bank.createdAt()))
                        .update()
                == 1;
    }

    @Override
    public Optional<Bank> find(BankName name) {
        return jdbc.sql(BY_NAME).param("name", name.value()).query(this::toBank).optional();
    }

    @Override
    public Optional<Bank> findById(String id) {
        return jdbc.sql(BY_ID).param("id", id).query(this::toBank).optional();
    }

    @Override
    public List<Bank> all() {
        return jdbc.sql(ALL).query(this::toBank).list();
    }

    @Override
    public void update(Bank bank) {
        jdbc.sql(UPDATE)
                .param("id", bank.id())
                .param("action", bank.action().name())
                .param("maxDistance", bank.maxDistance())
                .param("qualityFloor", bank.qualityFloor())
                .param("enabled", bank.enabled() ? 1 : 0)
                .update();
    }

    private Bank toBank(ResultSet row, int rowNumber) throws SQLException {
        return new Bank(
                row.getString("id"),
                new BankName(row.getString("name")),
                BankAction.valueOf(row.getString("action")),
                row.getInt("max_distance"),
                row.getInt("quality_floor"),
                row.getInt("enabled") == 1,
                Objects.requireNonNull(dialect.instant(row, "created_at"), "created_at"));
    }
}
