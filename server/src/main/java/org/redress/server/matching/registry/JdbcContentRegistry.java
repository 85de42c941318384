package org.redress.server.matching.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.redress.pdq.PdqHash;
import org.redress.pdq.Quality;
import org.redress.server.matching.EntryHashes;
import org.redress.server.matching.RegisteredUpload;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.ContentUrl;
import org.redress.server.shared.UploaderId;
import org.redress.server.storage.FieldCipher;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcContentRegistry implements ContentRegistry {

    private static final String INSERT = """
            INSERT INTO matching_content
                (content_id, uploader, pdq, md5, sha256, quality, verdict, checked_at, dihedral)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String NEWEST = """
            SELECT content_id, uploader, pdq, md5, sha256 FROM matching_content
             WHERE content_id = :contentId ORDER BY id DESC LIMIT 1
            """;

    private static final String NEWEST_CONTENT = """
            SELECT content_id, pdq, md5, sha256, quality, dihedral FROM matching_content
             WHERE content_id = :contentId ORDER BY id DESC LIMIT 1
            """;

    private static final String INSERT_URL = """
            INSERT INTO matching_content_url (url, content_id, registered_at) VALUES (?, ?, ?)
            ON CONFLICT (url, content_id) DO NOTHING
            """;

    private static final String AT_URL = """
            SELECT content_id FROM matching_content_url WHERE url = :url ORDER BY registered_at, content_id LIMIT :limit
            """;

    private static final String ALL = """
            SELECT content_id, pdq, md5, sha256, quality, dihedral FROM matching_content ORDER BY id
            """;

    /** The uploader is a platform's account id: personal data, so it is stored encrypted. */
    private static final String UPLOADER_CONTEXT = "matching_content.uploader";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final SqlDialect dialect;
    private final FieldCipher cipher;

    JdbcContentRegistry(JdbcClient jdbc, DataSource dataSource, SqlDialect dialect, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.batches = new JdbcTemplate(dataSource);
        this.dialect = dialect;
        this.cipher = cipher;
    }

    @Override
    public void registerAll(List<Registration> registrations) {
        batches.batchUpdate(INSERT, registrations, registrations.size(), (statement, r) -> {
            statement.setString(1, r.content().contentId());
            statement.setString(2, cipher.encrypt(r.uploaderId(), UPLOADER_CONTEXT));
            statement.setString(
                    3, r.content().hashes().pdq().map(PdqHash::toHex).orElse(null));
            statement.setString(4, r.content().hashes().md5().orElse(null));
            statement.setString(5, r.content().hashes().sha256().orElse(null));
            if (r.content().quality().isPresent()) {
                statement.setInt(6, r.content().quality().get().value());
            } else {
                statement.setNull(6, Types.INTEGER);
            }
            statement.setString(7, r.verdict().name());
            statement.setObject(8, dialect.bind(r.checkedAt()));
            statement.setString(9, RegisteredContent.variantsColumn(r.content().variants()));
        });
        record Url(String url, String contentId, Instant at) {}
        List<Url> urls = registrations.stream()
                .flatMap(r -> r.urls().stream()
                        .map(url -> new Url(url.value(), r.content().contentId(), r.checkedAt())))
                .toList();
        if (!urls.isEmpty()) {
            batches.batchUpdate(INSERT_URL, urls, urls.size(), (statement, u) -> {
                statement.setString(1, u.url());
                statement.setString(2, u.contentId());
                statement.setObject(3, dialect.bind(u.at()));
            });
        }
    }

    @Override
    public Optional<RegisteredContent> newestContent(String contentId) {
        return jdbc.sql(NEWEST_CONTENT)
                .param("contentId", contentId)
                .query((row, n) -> content(row))
                .optional();
    }

    @Override
    public List<String> contentIdsAt(ContentUrl url) {
        return jdbc.sql(AT_URL)
                .param("url", url.value())
                .param("limit", MAX_CONTENT_PER_URL)
                .query(String.class)
                .list();
    }

    @Override
    public List<String> contentIdsWithDigests(Optional<String> md5, Optional<String> sha256) {
        var ids = new java.util.LinkedHashSet<String>();
        md5.ifPresent(d -> ids.addAll(jdbc.sql("SELECT content_id FROM matching_content WHERE md5 = :d ORDER BY id")
                .param("d", d)
                .query(String.class)
                .list()));
        sha256.ifPresent(
                d -> ids.addAll(jdbc.sql("SELECT content_id FROM matching_content WHERE sha256 = :d ORDER BY id")
                        .param("d", d)
                        .query(String.class)
                        .list()));
        return List.copyOf(ids);
    }

    @Override
    public java.util.Set<String> blocked(java.util.Collection<String> contentIds) {
        var blocked = new java.util.HashSet<String>();
        List<String> ids = List.copyOf(contentIds);
        for (int from = 0; from < ids.size(); from += 500) {
            blocked.addAll(jdbc.sql("""
                    SELECT DISTINCT content_id FROM matching_content WHERE verdict = 'BLOCK' AND content_id IN (:ids)
                    """)
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .query(String.class)
                    .list());
        }
        return blocked;
    }

    @Override
    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM matching_content LIMIT 1) AS any_row")
                        .query(Integer.class)
                        .single()
                == 0;
    }

    @Override
    public void forEach(Consumer<RegisteredContent> action) {
        jdbc.sql(ALL).query(row -> {
            action.accept(content(row));
        });
    }

    private static RegisteredContent content(ResultSet row) throws SQLException {
        return new RegisteredContent(
                row.getString("content_id"),
                EntryHashes.parse(row.getString("pdq"), row.getString("md5"), row.getString("sha256")),
                quality(row),
                RegisteredContent.variantsOf(row.getString("dihedral")));
    }

    /** The row's quality column: empty when the check did not give one. */
    static Optional<Quality> quality(ResultSet row) throws SQLException {
        int quality = row.getInt("quality");
        return row.wasNull() ? Optional.empty() : Optional.of(new Quality(quality));
    }

    @Override
    public Optional<RegisteredUpload> newest(String contentId) {
        return jdbc.sql(NEWEST)
                .param("contentId", contentId)
                .query((row, n) -> new RegisteredUpload(
                        new ContentId(row.getString("content_id")),
                        new UploaderId(cipher.decrypt(row.getString("uploader"), UPLOADER_CONTEXT)),
                        EntryHashes.parse(row.getString("pdq"), row.getString("md5"), row.getString("sha256"))))
                .optional();
    }
}
