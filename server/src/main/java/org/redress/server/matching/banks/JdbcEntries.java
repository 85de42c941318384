package org.redress.server.matching.banks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.redress.pdq.PdqHash;
import org.redress.server.matching.BankEntry;
import org.redress.server.matching.EntryHashes;
import org.redress.server.matching.EntryTrust;
import org.redress.server.matching.Provenance;
import org.redress.server.storage.SqlDialect;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

@Repository
class JdbcEntries implements Entries {

    private static final String INSERT = """
            INSERT INTO matching_entry
                (bank_id, pdq, md5, sha256, source_kind, source_ref, note, enabled, created_at, trust, variants)
            VALUES (:bankId, :pdq, :md5, :sha256, :sourceKind, :sourceRef, :note, :enabled, :createdAt, :trust,
                    :variants)
            RETURNING id
            """;

    /** Imports come from administrators: their rows take the column's default, CONFIRMED. */
    private static final String INSERT_WITHOUT_ID = """
            INSERT INTO matching_entry (bank_id, pdq, md5, sha256, source_kind, source_ref, note, enabled, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String COLUMNS = """
            SELECT id, bank_id, pdq, md5, sha256, source_kind, source_ref, note, enabled, created_at, trust, variants
              FROM matching_entry
            """;

    private static final String BY_ID = COLUMNS + " WHERE id = :id";

    private static final String BY_IDS = COLUMNS + " WHERE id IN (:ids)";

    private static final String MATCHABLE = """
            SELECT e.id, e.bank_id, e.pdq, e.md5, e.sha256, e.source_kind, e.source_ref, e.note, e.enabled,
                   e.created_at, e.trust, e.variants
              FROM matching_entry e JOIN matching_bank b ON b.id = e.bank_id
             WHERE e.enabled = 1 AND b.enabled = 1
             ORDER BY e.id
            """;

    private static final String FROM_PROVENANCE =
            COLUMNS + " WHERE source_kind = :sourceKind AND source_ref = :sourceRef ORDER BY id";

    private static final String IDS_FROM_PROVENANCE =
            "SELECT id FROM matching_entry WHERE source_kind = :sourceKind AND source_ref = :sourceRef ORDER BY id";

    private static final String IN_BANK = COLUMNS + " WHERE bank_id = :bankId ORDER BY id";

    private static final String NEWEST_IN_BANK = COLUMNS + " WHERE bank_id = :bankId ORDER BY id DESC LIMIT :limit";

    private static final String COUNTS_BY_BANK = "SELECT bank_id, entries FROM matching_bank_count";

    private static final String SET_ENABLED = """
            UPDATE matching_entry SET enabled = :enabled WHERE id = :id RETURNING bank_id
            """;

    private static final String SET_TRUST = """
            UPDATE matching_entry SET trust = :trust, enabled = :enabled WHERE id = :id RETURNING bank_id
            """;

    private static final String RECORD_BLOCK = """
            INSERT INTO matching_provisional_block (entry_id, content_id, blocked_at)
            VALUES (:entryId, :contentId, :at) ON CONFLICT (entry_id, content_id) DO NOTHING
            """;

    private static final String BLOCKED_BY = """
            SELECT content_id FROM matching_provisional_block WHERE entry_id = :entryId ORDER BY blocked_at, content_id
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

    private static final String LOG_RELOAD = """
            INSERT INTO matching_change (bank_id, entry_id, reload) VALUES (:bankId, NULL, 1)
            """;

    /** Named explicitly: a bank row without the column means a reload (V23, the earlier release's rows). */
    private static final String LOG_SETTINGS = """
            INSERT INTO matching_change (bank_id, entry_id, reload) VALUES (:bankId, NULL, 0)
            """;

    private static final String LOG_FROM_PROVENANCE = """
            INSERT INTO matching_change (bank_id, entry_id)
            SELECT bank_id, id FROM matching_entry WHERE source_kind = :sourceKind AND source_ref = :sourceRef
                ORDER BY id
            """;

    private static final String LAST_CHANGE = """
            SELECT COALESCE(MAX(seq), 0) FROM matching_change
            """;

    private static final String CHANGES_AFTER = """
            SELECT seq, bank_id, entry_id, reload FROM matching_change WHERE seq > :seq ORDER BY seq LIMIT :limit
            """;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final SqlDialect dialect;

    JdbcEntries(JdbcClient jdbc, DataSource dataSource, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** Rows per multi-row INSERT: 9 parameters each stays far below both databases' limits. */
    private static final int ROWS_PER_INSERT = 500;

    private static final String INSERT_MANY = multiRowInsert(ROWS_PER_INSERT);

    private static String multiRowInsert(int rows) {
        var sql = new StringBuilder(INSERT_WITHOUT_ID.substring(0, INSERT_WITHOUT_ID.indexOf("VALUES")) + "VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        return sql.toString();
    }

    /**
     * One multi-row INSERT per {@value #ROWS_PER_INSERT} entries through one prepared statement:
     * a round trip and a statement execution per 500 rows instead of per row, which is what makes
     * a million-line import take seconds rather than minutes on PostgreSQL.
     */
    @Override
    public void insertAll(List<BankEntry> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            int full = rows.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
            if (full > 0) {
                try (PreparedStatement many = connection.prepareStatement(INSERT_MANY)) {
                    for (int from = 0; from < full; from += ROWS_PER_INSERT) {
                        bindRows(many, rows.subList(from, from + ROWS_PER_INSERT));
                        many.executeUpdate();
                    }
                }
            }
            if (full < rows.size()) {
                try (PreparedStatement rest = connection.prepareStatement(multiRowInsert(rows.size() - full))) {
                    bindRows(rest, rows.subList(full, rows.size()));
                    rest.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("inserting bank entries failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private void bindRows(PreparedStatement statement, List<BankEntry> rows) throws SQLException {
        int at = 0;
        for (BankEntry entry : rows) {
            statement.setString(++at, entry.bankId());
            statement.setString(++at, entry.hashes().pdq().map(PdqHash::toHex).orElse(null));
            statement.setString(++at, entry.hashes().md5().orElse(null));
            statement.setString(++at, entry.hashes().sha256().orElse(null));
            statement.setString(++at, entry.provenance().source().name());
            statement.setString(++at, entry.provenance().ref());
            statement.setString(++at, entry.note().orElse(null));
            statement.setInt(++at, entry.enabled() ? 1 : 0);
            statement.setObject(++at, dialect.bind(entry.createdAt()));
        }
    }

    @Override
    public long[] idsFrom(Provenance provenance) {
        List<Long> ids = jdbc.sql(IDS_FROM_PROVENANCE)
                .param("sourceKind", provenance.source().name())
                .param("sourceRef", provenance.ref())
                .query(Long.class)
                .list();
        return ids.stream().mapToLong(Long::longValue).toArray();
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
                .param("trust", entry.trust().name())
                .param("variants", variantsColumn(entry.variants()))
                .query(Long.class)
                .single();
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
        return jdbc.sql(BY_IDS)
                .param("ids", List.copyOf(ids))
                .query(this::toEntry)
                .list();
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
    public List<BankEntry> newestInBank(String bankId, int limit) {
        return jdbc.sql(NEWEST_IN_BANK)
                .param("bankId", bankId)
                .param("limit", limit)
                .query(this::toEntry)
                .list();
    }

    @Override
    public Map<String, Long> countsByBank() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql(COUNTS_BY_BANK).query(row -> {
            counts.put(row.getString(1), row.getLong(2));
        });
        return counts;
    }

    @Override
    public boolean setEnabled(long id, boolean enabled) {
        Optional<String> bankId = jdbc.sql(SET_ENABLED)
                .param("id", id)
                .param("enabled", enabled ? 1 : 0)
                .query(String.class)
                .optional();
        bankId.ifPresent(bank -> log(bank, id));
        return bankId.isPresent();
    }

    @Override
    public boolean setTrust(long id, EntryTrust trust, boolean enabled) {
        Optional<String> bankId = jdbc.sql(SET_TRUST)
                .param("id", id)
                .param("trust", trust.name())
                .param("enabled", enabled ? 1 : 0)
                .query(String.class)
                .optional();
        bankId.ifPresent(bank -> log(bank, id));
        return bankId.isPresent();
    }

    @Override
    public void recordProvisionalBlock(long entryId, String contentId, Instant at) {
        jdbc.sql(RECORD_BLOCK)
                .param("entryId", entryId)
                .param("contentId", contentId)
                .param("at", dialect.bind(at))
                .update();
    }

    @Override
    public List<String> provisionallyBlocked(long entryId) {
        return jdbc.sql(BLOCKED_BY)
                .param("entryId", entryId)
                .query(String.class)
                .list();
    }

    @Override
    public boolean delete(long id) {
        Optional<String> bankId =
                jdbc.sql(DELETE).param("id", id).query(String.class).optional();
        bankId.ifPresent(bank -> log(bank, id));
        return bankId.isPresent();
    }

    @Override
    public List<BankEntry> disableAll(Provenance provenance) {
        List<Long> ids = jdbc.sql(DISABLE_BY_PROVENANCE)
                .param("sourceKind", provenance.source().name())
                .param("sourceRef", provenance.ref())
                .query(Long.class)
                .list();
        List<BankEntry> disabled = findAll(ids);
        disabled.forEach(entry -> log(entry.bankId(), entry.id()));
        return disabled;
    }

    @Override
    public void logBankChange(String bankId) {
        dialect.serialize(jdbc, "matching_change");
        jdbc.sql(LOG_SETTINGS).param("bankId", bankId).update();
    }

    @Override
    public void logEntriesFrom(Provenance provenance) {
        dialect.serialize(jdbc, "matching_change");
        jdbc.sql(LOG_FROM_PROVENANCE)
                .param("sourceKind", provenance.source().name())
                .param("sourceRef", provenance.ref())
                .update();
    }

    @Override
    public void logBankReload(String bankId) {
        dialect.serialize(jdbc, "matching_change");
        jdbc.sql(LOG_RELOAD).param("bankId", bankId).update();
    }

    @Override
    public long lastChange() {
        return jdbc.sql(LAST_CHANGE).query(Long.class).single();
    }

    @Override
    public List<Change> changesAfter(long seq, int limit) {
        return jdbc.sql(CHANGES_AFTER)
                .param("seq", seq)
                .param("limit", limit)
                .query((row, n) -> {
                    long at = row.getLong("seq");
                    String bankId = row.getString("bank_id");
                    long entryId = row.getLong("entry_id");
                    Change change;
                    if (!row.wasNull()) {
                        change = new Change.OfEntry(at, bankId, entryId);
                    } else if (row.getInt("reload") == 1) {
                        change = new Change.OfAllEntries(at, bankId);
                    } else {
                        change = new Change.OfSettings(at, bankId);
                    }
                    return change;
                })
                .list();
    }

    /**
     * Appends to the change log. Appenders are serialized until commit, so sequence numbers become
     * visible in order and a replica that read up to N never misses a smaller one committed later.
     */
    private void log(String bankId, long entryId) {
        dialect.serialize(jdbc, "matching_change");
        jdbc.sql(LOG_CHANGE).param("bankId", bankId).param("entryId", entryId).update();
    }

    /** An entry's variants as stored: their hex forms one after another, or null for none. */
    private static @Nullable String variantsColumn(List<PdqHash> variants) {
        if (variants.isEmpty()) {
            return null;
        }
        var text = new StringBuilder(64 * variants.size());
        variants.forEach(v -> text.append(v.toHex()));
        return text.toString();
    }

    private static List<PdqHash> variantsOf(@Nullable String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        var variants = new java.util.ArrayList<PdqHash>(column.length() / 64);
        for (int at = 0; at + 64 <= column.length(); at += 64) {
            variants.add(PdqHash.fromHex(column.substring(at, at + 64)));
        }
        return variants;
    }

    private BankEntry toEntry(ResultSet row, int rowNumber) throws SQLException {
        var hashes = EntryHashes.parse(row.getString("pdq"), row.getString("md5"), row.getString("sha256"));
        var provenance =
                new Provenance(Provenance.Source.valueOf(row.getString("source_kind")), row.getString("source_ref"));
        return new BankEntry(
                row.getLong("id"),
                row.getString("bank_id"),
                hashes,
                provenance,
                Optional.ofNullable(row.getString("note")),
                row.getInt("enabled") == 1,
                Objects.requireNonNull(dialect.instant(row, "created_at"), "created_at"),
                EntryTrust.valueOf(row.getString("trust")),
                variantsOf(row.getString("variants")));
    }
}
