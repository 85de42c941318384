package org.redress.server.review.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.intake.ComplaintOutcome;
import org.redress.server.intake.ComplaintType;
import org.redress.server.review.Complainant;
import org.redress.server.review.ReviewComplaint;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.UploaderId;
import org.redress.server.storage.FieldCipher;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcReviewComplaints implements ReviewComplaints {

    private static final String INSERT = """
            INSERT INTO review_complaint (id, type, complainant, case_ref, content_id, uploader_enc, text_enc,
                                          expedited, received_at, due_at, version)
            VALUES (:id, :type, :complainant, :caseRef, :contentId, :uploader, :text, :expedited, :receivedAt,
                    :dueAt, 0)
            ON CONFLICT (id) DO NOTHING
            """;

    private static final String COLUMNS = """
            SELECT id, type, complainant, case_ref, content_id, expedited, received_at, due_at, owner, owned_since,
                   outcome, reply_enc, answered_by, answered_at, version
              FROM review_complaint
            """;

    private static final String TEXT = """
            SELECT text_enc FROM review_complaint WHERE id = :id
            """;

    private static final String UPLOADER = """
            SELECT uploader_enc FROM review_complaint WHERE id = :id
            """;

    private static final String UPDATE_IF_UNCHANGED = """
            UPDATE review_complaint
               SET owner = :owner, owned_since = :ownedSince, outcome = :outcome, reply_enc = :reply,
                   answered_by = :answeredBy, answered_at = :answeredAt, version = version + 1
             WHERE id = :id AND version = :version
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final FieldCipher cipher;

    JdbcReviewComplaints(JdbcClient jdbc, SqlDialect dialect, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.cipher = cipher;
    }

    @Override
    public boolean insert(ReviewComplaint complaint, Optional<UploaderId> uploader, Optional<String> text) {
        String id = complaint.id();
        return jdbc.sql(INSERT)
                        .param("id", id)
                        .param("type", complaint.type().name())
                        .param("complainant", complaint.complainant().name())
                        .param(
                                "caseRef",
                                complaint.caseRef().map(CaseRef::value).orElse(null))
                        .param("contentId", complaint.contentId().orElse(null))
                        .param(
                                "uploader",
                                uploader.map(u -> cipher.encrypt(u.value(), uploaderContext(id)))
                                        .orElse(null))
                        .param(
                                "text",
                                text.map(t -> cipher.encrypt(t, textContext(id)))
                                        .orElse(null))
                        .param("expedited", complaint.expedited())
                        .param("receivedAt", dialect.bind(complaint.receivedAt()))
                        .param("dueAt", dialect.bind(complaint.dueAt()))
                        .update()
                == 1;
    }

    @Override
    public Optional<ReviewComplaint> find(String id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id")
                .param("id", id)
                .query(this::toComplaint)
                .optional();
    }

    @Override
    public Optional<String> text(String id) {
        return sealed(TEXT, id).map(t -> cipher.decrypt(t, textContext(id)));
    }

    @Override
    public Optional<UploaderId> uploader(String id) {
        return sealed(UPLOADER, id).map(u -> new UploaderId(cipher.decrypt(u, uploaderContext(id))));
    }

    private Optional<String> sealed(String query, String id) {
        return jdbc.sql(query).param("id", id).query((row, n) -> Optional.ofNullable(row.getString(1))).list().stream()
                .flatMap(Optional::stream)
                .findFirst();
    }

    @Override
    public boolean update(ReviewComplaint complaint) {
        var answer = complaint.answer();
        return jdbc.sql(UPDATE_IF_UNCHANGED)
                        .param("id", complaint.id())
                        .param("version", complaint.version())
                        .param("owner", complaint.owner().orElse(null))
                        .param(
                                "ownedSince",
                                complaint.ownedSince().map(dialect::bind).orElse(null))
                        .param("outcome", answer.map(a -> a.outcome().name()).orElse(null))
                        .param(
                                "reply",
                                answer.map(a -> cipher.encrypt(a.reply(), replyContext(complaint.id())))
                                        .orElse(null))
                        .param(
                                "answeredBy",
                                answer.map(ReviewComplaint.Answer::by).orElse(null))
                        .param(
                                "answeredAt",
                                answer.map(a -> dialect.bind(a.at())).orElse(null))
                        .update()
                == 1;
    }

    @Override
    public List<ReviewComplaint> open(int limit) {
        return jdbc.sql(COLUMNS + " WHERE answered_at IS NULL ORDER BY due_at, received_at, id LIMIT :limit")
                .param("limit", limit)
                .query(this::toComplaint)
                .list();
    }

    @Override
    public List<ReviewComplaint> answered(int limit) {
        return jdbc.sql(COLUMNS + " WHERE answered_at IS NOT NULL ORDER BY answered_at DESC, id LIMIT :limit")
                .param("limit", limit)
                .query(this::toComplaint)
                .list();
    }

    private ReviewComplaint toComplaint(ResultSet row, int rowNumber) throws SQLException {
        String id = row.getString("id");
        Instant answeredAt = dialect.instant(row, "answered_at");
        Optional<ReviewComplaint.Answer> answer = answeredAt == null
                ? Optional.empty()
                : Optional.of(new ReviewComplaint.Answer(
                        ComplaintOutcome.valueOf(row.getString("outcome")),
                        cipher.decrypt(row.getString("reply_enc"), replyContext(id)),
                        row.getString("answered_by"),
                        answeredAt));
        return new ReviewComplaint(
                id,
                ComplaintType.valueOf(row.getString("type")),
                Complainant.valueOf(row.getString("complainant")),
                Optional.ofNullable(row.getString("case_ref")).map(CaseRef::new),
                Optional.ofNullable(row.getString("content_id")),
                row.getBoolean("expedited"),
                Objects.requireNonNull(dialect.instant(row, "received_at")),
                Objects.requireNonNull(dialect.instant(row, "due_at")),
                Optional.ofNullable(row.getString("owner")),
                Optional.ofNullable(dialect.instant(row, "owned_since")),
                answer,
                row.getLong("version"));
    }

    // Each ciphertext is bound to its row and column, so a database writer cannot move one onto another.
    private static String textContext(String id) {
        return "review_complaint.text:" + id;
    }

    private static String uploaderContext(String id) {
        return "review_complaint.uploader:" + id;
    }

    private static String replyContext(String id) {
        return "review_complaint.reply:" + id;
    }
}
