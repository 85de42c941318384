package org.redress.server.matching;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.redress.pdq.PdqHash;
import org.redress.server.storage.SqlDialect;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcEntries implements Entries {

    private static final String INSERT = """
            INSERT INTO matching_entry (bank_id, pdq, md5, sha256, source_kind, source_ref, note, enabled, created_at)
            VALUES (:bankId, :pdq, :md5, :sha256, :sourceKind, :sourceRef, :note, :enabled, :createdAt)
            RETURNING id
            """;

    private static final String INSERT_WITHOUT_ID = """
            INSERT INTO matching_entry (bank_id, pdq, md5, sha256, source_kind, source_ref, note, enabled, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String COLUMNS = """
            SELECT id, bank_id, pdq, md5, sha256, source_kind, source_ref, note, enabled, created_at FROM matching_entry
            """;

    private static final String BY_ID = COLUMNS + " WHERE id = :id";

    private static final String BY_IDS = COLUMNS + " WHERE id IN (:ids)";

    private static final String MATCHABLE = """
            SELECT e.id, e.bank_id, e.pdq, e.md5, e.sha256, e.source_kind, e.source_ref, e.note, e.enabled, e.created_at
              FROM matching_entry e JOIN matching_bank b ON b.id = e.bank_id
             WHERE e.enabled = 1 AND b.enabled = 1
             ORDER BY e.id
            """;

    private static final String FROM_PROVENANCE = COLUMNS + " WHERE source_kind = :sourceKind AND source_ref = :sourceRef ORDER BY id";

    private static final String IN_BANK = COLUMNS + " WHERE bank_id = :bankId ORDER BY id";

    private static final String SET_ENABLED = """
            UPDATE matching_entry SET enabled = :enabled WHERE id = :id RETURNING bank_id
            """;

    private static final String DELETE = """
            DELETE FROM matching_entry WHERE id = :id RETURNING bank_id
            """;

    private static final String DISABLE_BY_PROVENANCE = """
            UPDATE matching_entry SET enabled = 0
             WHERE source_kind = :sourceKind AND source_ref = :sourceRef AND enabled = 1
            RETURNING id
            """;

    private static final String LOG_CHANGE = """
            INSERT INTO matching_change (bank_id, entry_id) VALUES (:bankId, :entryId)
            """;

    private static final String LAST_CHANGE = """
            SELECT COALESCE(MAX(seq), 0) FROM matching_change
            """;

    private static final String CHANGES_AFTER = """
            SELECT seq, bank_id, entry_id FROM matching_change WHERE seq > :seq ORDER BY seq LIMIT :limit
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final SqlDialect dialect;

    JdbcEntries(JdbcClient jdbc, DataSource dataSource, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.batches = new JdbcTemplate(dataSource);
        this.dialect = dialect;
    }

    @Override
    public void insertAll(List<BankEntry> rows) {
        batches.batchUpdate(INSERT_WITHOUT_ID, rows, 5_000, (statement, entry) -> {
            statement.setString(1, entry.bankId());
            statement.setString(2, entry.hashes().pdq().map(PdqHash::toHex).orElse(null));
            statement.setString(3, entry.hashes().md5().orElse(null));
            statement.setString(4, entry.hashes().sha256().orElse(null));
            statement.setString(5, entry.provenance().source().name());
            statement.setString(6, entry.provenance().ref());
            statement.setString(7, entry.note().orElse(null));
            statement.setInt(8, entry.enabled() ? 1 : 0);
            statement.setObject(9, dialect.bind(entry.createdAt()));
        });
    }

    @Override
    public void forEachFrom(Provenance provenance, Consumer<BankEntry> action) {
        jdbc.sql(FROM_PROVENANCE)
                .param("sourceKind", provenance.source().name())
                .param("sourceRef", provenance.ref())
                .query(row -> {
                    action.accept(toEntry(row, 0));
                });
    }

    @Override
    public long insert(BankEntry entry) {
        long id = jdbc.sql(INSERT)
                .param("bankId", entry.bankId())
                .param("pdq", entry.hashes().pdq().map(PdqHash::toHex).orElse(null))
                .param("md5", entry.hashes().md5().orElse(null))
                .param("sha256", entry.hashes().sha256().orElse(null))
                .param("sourceKind", entry.provenance().source().name())
                .param("sourceRef", entry.provenance().ref())
                .param("note", entry.note().orElse(null))
                .param("enabled", entry.enabled() ? 1 : 0)
                .param("createdAt", dialect.bind(entry.createdAt()))
                .query(Long.class).single();
        log(entry.bankId(), id);
        return id;
    }

    @Override
    public Optional<BankEntry> find(long id) {
        return jdbc.sql(BY_ID).param("id", id).query(this::toEntry).optional();
    }

    @Override
    public List<BankEntry> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(BY_IDS).param("ids", List.copyOf(ids)).query(this::toEntry).list();
    }

    @Override
    public void forEachMatchable(Consumer<BankEntry> action) {
        jdbc.sql(MATCHABLE).query(row -> {
            action.accept(toEntry(row, 0));
        });
    }

    @Override
    public void forEachInBank(String bankId, Consumer<BankEntry> action) {
        jdbc.sql(IN_BANK).param("bankId", bankId).query(row -> {
            action.accept(toEntry(row, 0));
        });
    }

    @Override
    public boolean setEnabled(long id, boolean enabled) {
        Optional<String> bankId = jdbc.sql(SET_ENABLED).param("id", id).param("enabled", enabled ? 1 : 0)
                .query(String.class).optional();
        bankId.ifPresent(bank -> log(bank, id));
        return bankId.isPresent();
    }

    @Override
    public boolean delete(long id) {
        Optional<String> bankId = jdbc.sql(DELETE).param("id", id).query(String.class).optional();
        bankId.ifPresent(bank -> log(bank, id));
        return bankId.isPresent();
    }

    @Override
    public List<BankEntry> disableAll(Provenance provenance) {
        List<Long> ids = jdbc.sql(DISABLE_BY_PROVENANCE)
                .param("sourceKind", provenance.source().name())
                .param("sourceRef", provenance.ref())
                .query(Long.class).list();
        List<BankEntry> disabled = findAll(ids);
        disabled.forEach(entry -> log(entry.bankId(), entry.id()));
        return disabled;
    }

    @Override
    public void logBankChange(String bankId) {
        dialect.serialize(jdbc, "matching_change");
        jdbc.sql(LOG_CHANGE).param("bankId", bankId).param("entryId", null).update();
    }

    @Override
    public long lastChange() {
        return jdbc.sql(LAST_CHANGE).query(Long.class).single();
    }

    @Override
    public List<Change> changesAfter(long seq, int limit) {
        return jdbc.sql(CHANGES_AFTER).param("seq", seq).param("limit", limit).query((row, n) -> {
            long entry = row.getLong("entry_id");
            Optional<Long> entryId = row.wasNull() ? Optional.empty() : Optional.of(entry);
            return new Change(row.getLong("seq"), row.getString("bank_id"), entryId);
        }).list();
    }

    /**
     * Appends to the change log. Appenders are serialized until commit, so sequence numbers become
     * visible in order and a replica that read up to N never misses a smaller one committed later.
     */
    private void log(String bankId, long entryId) {
        dialect.serialize(jdbc, "matching_change");
        jdbc.sql(LOG_CHANGE).param("bankId", bankId).param("entryId", entryId).update();
    }

    private BankEntry toEntry(ResultSet row, int rowNumber) throws SQLException {
        var hashes = EntryHashes.parse(row.getString("pdq"), row.getString("md5"), row.getString("sha256"));
        var provenance = new Provenance(Provenance.Source.valueOf(row.getString("source_kind")), row.getString("source_ref"));
        return new BankEntry(row.getLong("id"), row.getString("bank_id"), hashes, provenance,
                Optional.ofNullable(row.getString("note")), row.getInt("enabled") == 1,
                Objects.requireNonNull(dialect.instant(row, "created_at"), "created_at"));
    }
}
