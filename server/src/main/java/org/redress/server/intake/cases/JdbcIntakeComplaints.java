package org.redress.server.intake.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.redress.server.intake.Complaint;
import org.redress.server.shared.CaseRef;
import org.redress.server.storage.FieldCipher;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIntakeComplaints implements IntakeComplaints {

    private static final String INSERT = """
            INSERT INTO intake_complaint (id, case_ref, report_id, text_enc, received_at)
            VALUES (:id, :caseRef, :reportId, :text, :at)
            """;

    private static final String OF_CASE = """
            SELECT id, text_enc, received_at FROM intake_complaint WHERE case_ref = :caseRef ORDER BY received_at, id
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
    public void insert(Complaint complaint, CaseRef caseRef, String reportId) {
        jdbc.sql(INSERT)
                .param("id", complaint.id())
                .param("caseRef", caseRef.value())
                .param("reportId", reportId)
                .param("text", cipher.encrypt(complaint.text(), context(complaint.id())))
                .param("at", dialect.bind(complaint.receivedAt()))
                .update();
    }

    @Override
    public List<Complaint> ofCase(CaseRef caseRef) {
        return jdbc.sql(OF_CASE)
                .param("caseRef", caseRef.value())
                .query(this::toComplaint)
                .list();
    }

    private Complaint toComplaint(ResultSet row, int rowNumber) throws SQLException {
        String id = row.getString("id");
        return new Complaint(
                id,
                Objects.requireNonNull(dialect.instant(row, "received_at")),
                cipher.decrypt(row.getString("text_enc"), context(id)));
    }

    // Binding the ciphertext to its row stops a database writer from moving a complaint's text
    // onto another complaint.
    private static String context(String complaintId) {
        return "intake_complaint.text:" + complaintId;
    }
}
