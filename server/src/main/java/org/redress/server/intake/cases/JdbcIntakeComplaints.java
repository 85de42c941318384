package org.redress.server.intake.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.intake.Complaint;
import org.redress.server.intake.ComplaintOutcome;
import org.redress.server.intake.ComplaintType;
import org.redress.server.intake.ReporterComplaint;
import org.redress.server.shared.CaseRef;
import org.redress.server.storage.FieldCipher;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIntakeComplaints implements IntakeComplaints {

    private static final String INSERT = """
            INSERT INTO intake_complaint (id, case_ref, report_id, text_enc, received_at, type)
            VALUES (:id, :caseRef, :reportId, :text, :at, :type)
            """;

    private static final String OF_CASE = """
            SELECT id, text_enc, received_at FROM intake_complaint WHERE case_ref = :caseRef ORDER BY received_at, id
            """;

    private static final String OF_REPORT = """
            SELECT id, type, received_at, answer_by, outcome, reply_enc, answered_at
              FROM intake_complaint
             WHERE report_id = :reportId
             ORDER BY received_at, id
            """;

    private static final String ROLE = """
            SELECT reporter_role FROM intake_report WHERE id = :reportId
            """;

    private static final String SET_ANSWER_BY = """
            UPDATE intake_complaint SET answer_by = :answerBy WHERE id = :id
            """;

    private static final String ANSWER_IF_UNANSWERED = """
            UPDATE intake_complaint SET outcome = :outcome, reply_enc = :reply, answered_at = :at
             WHERE id = :id AND answered_at IS NULL
            """;

    private static final String COMPLAINANT = """
            SELECT report_id, case_ref FROM intake_complaint WHERE id = :id
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final FieldCipher cipher;

    JdbcIntakeComplaints(JdbcClient jdbc, SqlDialect dialect, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.cipher = cipher;
    }

    @Override
    public void insert(Complaint complaint, ComplaintType type, CaseRef caseRef, String reportId) {
        jdbc.sql(INSERT)
                .param("id", complaint.id())
                .param("caseRef", caseRef.value())
                .param("reportId", reportId)
                .param("text", cipher.encrypt(complaint.text(), context(complaint.id())))
                .param("at", dialect.bind(complaint.receivedAt()))
                .param("type", type.name())
                .update();
    }

    @Override
    public List<Complaint> ofCase(CaseRef caseRef) {
        return jdbc.sql(OF_CASE)
                .param("caseRef", caseRef.value())
                .query(this::toComplaint)
                .list();
    }

    @Override
    public List<ReporterComplaint> ofReport(String reportId) {
        return jdbc.sql(OF_REPORT)
                .param("reportId", reportId)
                .query(this::toReporterComplaint)
                .list();
    }

    @Override
    public boolean bySubjectOrForThem(String reportId) {
        String role =
                jdbc.sql(ROLE).param("reportId", reportId).query(String.class).single();
        return role.equals("SUBJECT") || role.equals("ON_BEHALF");
    }

    @Override
    public void setAnswerBy(String complaintId, Instant answerBy) {
        jdbc.sql(SET_ANSWER_BY)
                .param("id", complaintId)
                .param("answerBy", dialect.bind(answerBy))
                .update();
    }

    @Override
    public Optional<Complainant> answer(String complaintId, ReporterComplaint.Answer answer) {
        int changed = jdbc.sql(ANSWER_IF_UNANSWERED)
                .param("id", complaintId)
                .param("outcome", answer.outcome().name())
                .param("reply", cipher.encrypt(answer.reply(), replyContext(complaintId)))
                .param("at", dialect.bind(answer.answeredAt()))
                .update();
        if (changed == 0) {
            return Optional.empty();
        }
        return jdbc.sql(COMPLAINANT)
                .param("id", complaintId)
                .query((row, n) -> new Complainant(row.getString("report_id"), new CaseRef(row.getString("case_ref"))))
                .optional();
    }

    private Complaint toComplaint(ResultSet row, int rowNumber) throws SQLException {
        String id = row.getString("id");
        return new Complaint(
                id,
                Objects.requireNonNull(dialect.instant(row, "received_at")),
                cipher.decrypt(row.getString("text_enc"), context(id)));
    }

    private ReporterComplaint toReporterComplaint(ResultSet row, int rowNumber) throws SQLException {
        String id = row.getString("id");
        Instant answeredAt = dialect.instant(row, "answered_at");
        Optional<ReporterComplaint.Answer> answer = answeredAt == null
                ? Optional.empty()
                : Optional.of(new ReporterComplaint.Answer(
                        ComplaintOutcome.valueOf(row.getString("outcome")),
                        cipher.decrypt(row.getString("reply_enc"), replyContext(id)),
                        answeredAt));
        return new ReporterComplaint(
                id,
                ComplaintType.valueOf(row.getString("type")),
                Objects.requireNonNull(dialect.instant(row, "received_at")),
                Optional.ofNullable(dialect.instant(row, "answer_by")),
                answer);
    }

    // Binding the ciphertext to its row stops a database writer from moving a complaint's text
    // onto another complaint.
    private static String context(String complaintId) {
        return "intake_complaint.text:" + complaintId;
    }

    private static String replyContext(String complaintId) {
        return "intake_complaint.reply:" + complaintId;
    }
}
