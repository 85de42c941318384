package org.redress.server.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The register's rows: versions (inserted, never changed), the key each entry holds now, and the
 * standing recorded for each report that arrived on a FLAGGER key.
 */
@Repository
class FlaggerRecords {

    private static final String INSERT_VERSION = """
            INSERT INTO intake_flagger_version (flagger_id, version, organisation, awarded_by, expertise, contact,
                                                status_since, status_until, api_keys, recorded_by, recorded_at)
            VALUES (:id, :version, :organisation, :awardedBy, :expertise, :contact,
                    :since, :until, :apiKeys, :recordedBy, :recordedAt)
            """;

    private static final String COLUMNS = """
            SELECT flagger_id, version, organisation, awarded_by, expertise, contact, status_since, status_until,
                   api_keys, recorded_by, recorded_at
              FROM intake_flagger_version v
            """;

    private static final String NEWEST = """
             WHERE v.version = (SELECT MAX(n.version) FROM intake_flagger_version n WHERE n.flagger_id = v.flagger_id)
            """;

    private static final String INSERT_NOTICE = """
            INSERT INTO intake_report_flagger (report_id, api_key_id, flagger_id, flagger_version, standing)
            VALUES (:reportId, :keyId, :flaggerId, :flaggerVersion, :standing)
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    FlaggerRecords(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Takes the lock that orders writers of the register (a no-op on SQLite, where writers queue anyway). */
    void serialize() {
        dialect.serialize(jdbc, "intake_flagger_version");
    }

    void insert(TrustedFlagger f) {
        jdbc.sql(INSERT_VERSION)
                .param("id", f.id())
                .param("version", f.version())
                .param("organisation", f.organisation())
                .param("awardedBy", f.awardedBy())
                .param("expertise", f.expertise())
                .param("contact", f.contact())
                .param("since", f.since().toString())
                .param("until", f.until().map(LocalDate::toString).orElse(null))
                .param("apiKeys", String.join(",", f.apiKeys()))
                .param("recordedBy", f.recordedBy())
                .param("recordedAt", dialect.bind(f.recordedAt()))
                .update();
        jdbc.sql("DELETE FROM intake_flagger_key WHERE flagger_id = :id")
                .param("id", f.id())
                .update();
        for (String key : f.apiKeys()) {
            jdbc.sql("INSERT INTO intake_flagger_key (api_key_id, flagger_id) VALUES (:key, :id)")
                    .param("key", key)
                    .param("id", f.id())
                    .update();
        }
    }

    /** The entry that holds the key now, if any. */
    Optional<String> holderOf(String keyId) {
        return jdbc.sql("SELECT flagger_id FROM intake_flagger_key WHERE api_key_id = :key")
                .param("key", keyId)
                .query(String.class)
                .optional();
    }

    Optional<TrustedFlagger> newest(String id) {
        return jdbc.sql(COLUMNS + NEWEST + " AND v.flagger_id = :id")
                .param("id", id)
                .query(this::read)
                .optional();
    }

    /** Every entry's newest version, by organisation. */
    List<TrustedFlagger> register() {
        return jdbc.sql(COLUMNS + NEWEST + " ORDER BY v.organisation, v.flagger_id")
                .query(this::read)
                .list();
    }

    /** Every version of the entry, newest first. */
    List<TrustedFlagger> history(String id) {
        return jdbc.sql(COLUMNS + " WHERE v.flagger_id = :id ORDER BY v.version DESC")
                .param("id", id)
                .query(this::read)
                .list();
    }

    void recordNotice(String reportId, String keyId, Optional<TrustedFlagger> entry, FlaggerStanding standing) {
        jdbc.sql(INSERT_NOTICE)
                .param("reportId", reportId)
                .param("keyId", keyId)
                .param("flaggerId", entry.map(TrustedFlagger::id).orElse(null))
                .param("flaggerVersion", entry.map(TrustedFlagger::version).orElse(null))
                .param("standing", standing.name())
                .update();
    }

    private TrustedFlagger read(ResultSet row, int n) throws SQLException {
        @Nullable String until = row.getString("status_until");
        String keys = row.getString("api_keys");
        return new TrustedFlagger(
                row.getString("flagger_id"),
                row.getInt("version"),
                row.getString("organisation"),
                row.getString("awarded_by"),
                row.getString("expertise"),
                row.getString("contact"),
                LocalDate.parse(row.getString("status_since")),
                Optional.ofNullable(until).map(LocalDate::parse),
                keys.isEmpty() ? List.of() : Arrays.asList(keys.split(",")),
                row.getString("recorded_by"),
                Objects.requireNonNull(dialect.instant(row, "recorded_at"), "recorded_at"));
    }
}
