package org.redress.server.review.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.review.Appeal;
import org.redress.server.review.Appealable;
import org.redress.server.review.Outcome;
import org.redress.server.shared.CaseRef;
import org.redress.server.storage.FieldCipher;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcReviewAppeals implements ReviewAppeals {

    /** A restriction: the content row of a case with a removal requested, and the decision that requested it. */
    private static final String RESTRICTIONS = """
            SELECT t.case_ref, t.content_id, t.uploader_id, t.removed_at, d.id, d.decided_by, d.decided_at
              FROM review_content t JOIN review_decision d ON d.case_ref = t.case_ref
             WHERE t.removal_delivery IS NOT NULL AND d.outcome IN ('REMOVE', 'REFER')
            """;

    private static final String BY_TOKEN = """
            SELECT t.case_ref, t.content_id, t.uploader_id, t.removed_at, d.id, d.decided_by, d.decided_at
              FROM review_appeal_token k
              JOIN review_content t ON t.case_ref = k.case_ref AND t.content_id = k.content_id
              JOIN review_decision d ON d.id = k.decision_id
             WHERE k.token_hash = :hash
            """;

    private static final String INSERT = """
            INSERT INTO review_appeal (appeal_ref, appealed_case, decision_id, content_id, uploader_id, text_enc,
                                       channel, received_at)
            VALUES (:ref, :appealed, :decisionId, :contentId, :uploader, :text, :channel, :at)
            ON CONFLICT (decision_id, content_id) DO NOTHING
            """;

    private static final String APPEALS = """
            SELECT appeal_ref, decision_id, content_id, text_enc, channel, received_at, outcome, decided_by, decided_at
              FROM review_appeal
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final FieldCipher cipher;

    JdbcReviewAppeals(JdbcClient jdbc, SqlDialect dialect, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.cipher = cipher;
    }

    @Override
    public List<Appealable> restrictionsOf(String contentId) {
        return jdbc.sql(RESTRICTIONS + " AND t.content_id = :contentId ORDER BY d.decided_at DESC, d.id")
                .param("contentId", contentId)
                .query(this::toAppealable)
                .list();
    }

    @Override
    public Optional<Appealable> restrictionByToken(String tokenHash) {
        return jdbc.sql(BY_TOKEN)
                .param("hash", tokenHash)
                .query(this::toAppealable)
                .optional();
    }

    @Override
    public void insertToken(String tokenHash, String decisionId, CaseRef ref, String contentId, Instant at) {
        jdbc.sql("""
                INSERT INTO review_appeal_token (token_hash, decision_id, case_ref, content_id, created_at)
                VALUES (:hash, :decisionId, :ref, :contentId, :at)
                """)
                .param("hash", tokenHash)
                .param("decisionId", decisionId)
                .param("ref", ref.value())
                .param("contentId", contentId)
                .param("at", dialect.bind(at))
                .update();
    }

    @Override
    public boolean insert(Appeal appeal) {
        String ref = appeal.appealRef().value();
        return jdbc.sql(INSERT)
                        .param("ref", ref)
                        .param("appealed", appeal.appealed().caseRef().value())
                        .param("decisionId", appeal.appealed().decisionId())
                        .param("contentId", appeal.appealed().contentId())
                        .param(
                                "uploader",
                                appeal.appealed()
                                        .uploaderId()
                                        .map(u -> cipher.encrypt(u, uploaderContext(ref)))
                                        .orElse(null))
                        .param("text", cipher.encrypt(appeal.text(), textContext(ref)))
                        .param("channel", appeal.channel().name())
                        .param("at", dialect.bind(appeal.receivedAt()))
                        .update()
                == 1;
    }

    @Override
    public Optional<Appeal> find(CaseRef appealRef) {
        return jdbc.sql(APPEALS + " WHERE appeal_ref = :ref")
                .param("ref", appealRef.value())
                .query(this::toAppealRow)
                .optional()
                .map(this::complete);
    }

    @Override
    public Optional<Appeal> forRestriction(String decisionId, String contentId) {
        return jdbc.sql(APPEALS + " WHERE decision_id = :decisionId AND content_id = :contentId")
                .param("decisionId", decisionId)
                .param("contentId", contentId)
                .query(this::toAppealRow)
                .optional()
                .map(this::complete);
    }

    @Override
    public void markDecided(CaseRef appealRef, Outcome outcome, String decidedBy, Instant at) {
        jdbc.sql("""
                UPDATE review_appeal SET outcome = :outcome, decided_by = :by, decided_at = :at
                 WHERE appeal_ref = :ref AND outcome IS NULL
                """)
                .param("outcome", outcome.name())
                .param("by", decidedBy)
                .param("at", dialect.bind(at))
                .param("ref", appealRef.value())
                .update();
    }

    /** An appeal row before its restriction is joined in. */
    private record AppealRow(
            CaseRef ref,
            String decisionId,
            String contentId,
            String text,
            Appeal.Channel channel,
            Instant receivedAt,
            Optional<Outcome> outcome,
            Optional<String> decidedBy,
            Optional<Instant> decidedAt) {}

    private AppealRow toAppealRow(ResultSet row, int n) throws SQLException {
        String ref = row.getString("appeal_ref");
        return new AppealRow(
                new CaseRef(ref),
                row.getString("decision_id"),
                row.getString("content_id"),
                cipher.decrypt(row.getString("text_enc"), textContext(ref)),
                Appeal.Channel.valueOf(row.getString("channel")),
                required(row, "received_at"),
                Optional.ofNullable(row.getString("outcome")).map(Outcome::valueOf),
                Optional.ofNullable(row.getString("decided_by")),
                Optional.ofNullable(dialect.instant(row, "decided_at")));
    }

    private Appeal complete(AppealRow row) {
        Appealable appealed = jdbc.sql(RESTRICTIONS + " AND d.id = :decisionId AND t.content_id = :contentId")
                .param("decisionId", row.decisionId())
                .param("contentId", row.contentId())
                .query(this::toAppealable)
                .single();
        return new Appeal(
                row.ref(),
                appealed,
                row.text(),
                row.channel(),
                row.receivedAt(),
                row.outcome(),
                row.decidedBy(),
                row.decidedAt());
    }

    private Appealable toAppealable(ResultSet row, int n) throws SQLException {
        CaseRef ref = new CaseRef(row.getString("case_ref"));
        String contentId = row.getString("content_id");
        @Nullable String uploader = row.getString("uploader_id");
        return new Appealable(
                ref,
                row.getString("id"),
                row.getString("decided_by"),
                required(row, "decided_at"),
                contentId,
                Optional.ofNullable(uploader)
                        .map(u -> FieldCipher.isSealed(u)
                                ? cipher.decrypt(u, JdbcReviewCases.uploaderContext(ref, contentId))
                                : u),
                Optional.ofNullable(dialect.instant(row, "removed_at")));
    }

    private static String uploaderContext(String appealRef) {
        return "review_appeal.uploader_id:" + appealRef;
    }

    private static String textContext(String appealRef) {
        return "review_appeal.text:" + appealRef;
    }

    private Instant required(ResultSet row, String column) throws SQLException {
        @Nullable Instant value = dialect.instant(row, column);
        if (value == null) {
            throw new SQLException(column + " is null");
        }
        return value;
    }
}
