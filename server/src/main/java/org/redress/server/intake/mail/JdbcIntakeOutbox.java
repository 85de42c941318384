package org.redress.server.intake.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.redress.server.shared.CaseRef;
import org.redress.server.storage.FieldCipher;
import org.redress.server.storage.OutboxClaims;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIntakeOutbox implements IntakeOutbox {

    private static final String ENQUEUE = """
            INSERT INTO intake_outbox (id, report_id, kind, created_at, attempts, next_attempt_at, sent_at,
                cancelled_at)
            VALUES (:id, :reportId, :kind, :at, 0, :at, NULL, NULL)
            """;

    private static final String ENQUEUE_LINK = """
            INSERT INTO intake_outbox (id, report_id, kind, created_at, attempts, next_attempt_at, sent_at,
                cancelled_at, link_enc, to_enc)
            VALUES (:id, :reportId, :kind, :at, 0, :at, NULL, NULL, :link, :to)
            """;

    private static final String DUE = """
            SELECT o.id, o.kind, o.attempts, r.id AS report_id, r.public_ref AS case_ref,
                   r.contact_email_enc, r.messages_stopped, o.link_enc, o.to_enc
              FROM intake_outbox o
              JOIN intake_report r ON r.id = o.report_id
             WHERE o.sent_at IS NULL AND o.cancelled_at IS NULL AND o.next_attempt_at <= :now
             ORDER BY o.next_attempt_at, o.id
             LIMIT :limit
            """;

    private static final String CLAIMED = """
            SELECT o.id, o.kind, o.attempts, r.id AS report_id, r.public_ref AS case_ref,
                   r.contact_email_enc, r.messages_stopped, o.link_enc, o.to_enc
              FROM intake_outbox o
              JOIN intake_report r ON r.id = o.report_id
             WHERE o.claimed_by = :claimant AND o.sent_at IS NULL AND o.cancelled_at IS NULL
             ORDER BY o.next_attempt_at, o.id
            """;

    private static final String MARK_SENT = """
            UPDATE intake_outbox SET sent_at = :at, claimed_by = NULL, claimed_until = NULL WHERE id = :id
            """;

    private static final String MARK_CANCELLED = """
            UPDATE intake_outbox SET cancelled_at = :at, claimed_by = NULL, claimed_until = NULL WHERE id = :id
            """;

    private static final String RETRY_LATER = """
            UPDATE intake_outbox SET attempts = attempts + 1, next_attempt_at = :at, claimed_by = NULL,
                claimed_until = NULL
             WHERE id = :id
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final FieldCipher cipher;
    private final OutboxClaims claims;

    JdbcIntakeOutbox(JdbcClient jdbc, SqlDialect dialect, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.cipher = cipher;
        this.claims = new OutboxClaims(jdbc, dialect, "intake_outbox", "sent_at IS NULL AND cancelled_at IS NULL");
    }

    @Override
    public void enqueue(String reportId, String kind, Instant at) {
        jdbc.sql(ENQUEUE)
                .param("id", UUID.randomUUID().toString())
                .param("reportId", reportId)
                .param("kind", kind)
                .param("at", dialect.bind(at))
                .update();
    }

    @Override
    public void enqueueStatusLink(String reportId, String link, String email, Instant at) {
        String id = UUID.randomUUID().toString();
        jdbc.sql(ENQUEUE_LINK)
                .param("id", id)
                .param("reportId", reportId)
                .param("kind", STATUS_LINK)
                .param("at", dialect.bind(at))
                .param("link", cipher.encrypt(link, "intake_outbox.link:" + id))
                .param("to", cipher.encrypt(email, "intake_outbox.to:" + id))
                .update();
    }

    @Override
    public void enqueueComplaintAnswer(String reportId, String answer, Instant at) {
        String id = UUID.randomUUID().toString();
        // The answer travels in the sealed column of the status link; the address is the report's.
        jdbc.sql(ENQUEUE_LINK)
                .param("id", id)
                .param("reportId", reportId)
                .param("kind", COMPLAINT_ANSWER)
                .param("at", dialect.bind(at))
                .param("link", cipher.encrypt(answer, "intake_outbox.link:" + id))
                .param("to", (Object) null)
                .update();
    }

    @Override
    public List<Due> due(Instant now, int limit) {
        return jdbc.sql(DUE)
                .param("now", dialect.bind(now))
                .param("limit", limit)
                .query(this::toDue)
                .list();
    }

    @Override
    public List<Due> claim(String claimant, Instant now, Duration lease, int limit) {
        if (claims.claim(claimant, now, now.plus(lease), limit) == 0) {
            return List.of();
        }
        return jdbc.sql(CLAIMED).param("claimant", claimant).query(this::toDue).list();
    }

    @Override
    public void markSent(String id, Instant at) {
        jdbc.sql(MARK_SENT).param("id", id).param("at", dialect.bind(at)).update();
    }

    @Override
    public void markCancelled(String id, Instant at) {
        jdbc.sql(MARK_CANCELLED).param("id", id).param("at", dialect.bind(at)).update();
    }

    @Override
    public void retryLater(String id, Instant at) {
        jdbc.sql(RETRY_LATER).param("id", id).param("at", dialect.bind(at)).update();
    }

    private Due toDue(ResultSet row, int rowNumber) throws SQLException {
        String reportId = row.getString("report_id");
        String id = row.getString("id");
        String sealed = row.getString("contact_email_enc");
        Optional<String> to =
                Optional.ofNullable(row.getString("to_enc")).map(s -> cipher.decrypt(s, "intake_outbox.to:" + id));
        return new Due(
                id,
                new CaseRef(row.getString("case_ref")),
                row.getString("kind"),
                to.or(() ->
                        Optional.ofNullable(sealed).map(s -> cipher.decrypt(s, "intake_report.contact:" + reportId))),
                row.getBoolean("messages_stopped"),
                row.getInt("attempts"),
                Optional.ofNullable(row.getString("link_enc")).map(s -> cipher.decrypt(s, "intake_outbox.link:" + id)));
    }
}
