package org.redress.server.matching;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.redress.pdq.PdqHash;
import org.redress.server.storage.FieldCipher;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcContentRegistry implements ContentRegistry {

    private static final String INSERT = """
            INSERT INTO matching_content (content_id, uploader, pdq, md5, sha256, verdict, checked_at)
            VALUES (:contentId, :uploader, :pdq, :md5, :sha256, :verdict, :checkedAt)
            """;

    private static final String NEWEST = """
            SELECT content_id, uploader, pdq, md5, sha256 FROM matching_content
             WHERE content_id = :contentId ORDER BY id DESC LIMIT 1
            """;

    private static final String ALL = """
            SELECT content_id, pdq, md5, sha256 FROM matching_content ORDER BY id
            """;

    /** The uploader is a platform's account id: personal data, so it is stored encrypted. */
    private static final String UPLOADER_CONTEXT = "matching_content.uploader";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final FieldCipher cipher;

    JdbcContentRegistry(JdbcClient jdbc, SqlDialect dialect, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.cipher = cipher;
    }

    @Override
    public void register(RegisteredContent content, String uploaderId, Verdict verdict, Instant checkedAt) {
        jdbc.sql(INSERT)
                .param("contentId", content.contentId())
                .param("uploader", cipher.encrypt(uploaderId, UPLOADER_CONTEXT))
                .param("pdq", content.hashes().pdq().map(PdqHash::toHex).orElse(null))
                .param("md5", content.hashes().md5().orElse(null))
                .param("sha256", content.hashes().sha256().orElse(null))
                .param("verdict", verdict.name())
                .param("checkedAt", dialect.bind(checkedAt))
                .update();
    }

    @Override
    public void forEach(Consumer<RegisteredContent> action) {
        jdbc.sql(ALL).query(row -> {
            action.accept(new RegisteredContent(row.getString("content_id"),
                    EntryHashes.parse(row.getString("pdq"), row.getString("md5"), row.getString("sha256"))));
        });
    }

    @Override
    public Optional<RegisteredUpload> newest(String contentId) {
        return jdbc.sql(NEWEST).param("contentId", contentId).query((row, n) -> new RegisteredUpload(row.getString("content_id"),
                cipher.decrypt(row.getString("uploader"), UPLOADER_CONTEXT),
                EntryHashes.parse(row.getString("pdq"), row.getString("md5"), row.getString("sha256")))).optional();
    }
}
