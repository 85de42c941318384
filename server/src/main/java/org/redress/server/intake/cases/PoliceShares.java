package org.redress.server.intake.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.redress.server.intake.PoliceShareRequest;
import org.redress.server.shared.CaseRef;
import org.redress.server.storage.FieldCipher;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reporters' requests to share their case with the police ({@code intake_police_share}). */
@Repository
public class PoliceShares {

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final FieldCipher cipher;

    PoliceShares(JdbcClient jdbc, SqlDialect dialect, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.cipher = cipher;
    }

    public void insert(CaseRef caseRef, String reportId, Optional<String> crimeReference, Instant at) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO intake_police_share (id, case_ref, report_id, crime_ref_enc, requested_at)
                VALUES (:id, :ref, :report, :crimeRef, :at)
                """)
                .param("id", id)
                .param("ref", caseRef.value())
                .param("report", reportId)
                .param(
                        "crimeRef",
                        crimeReference.map(c -> cipher.encrypt(c, context(id))).orElse(null))
                .param("at", dialect.bind(at))
                .update();
    }

    /** The case's requests, oldest first. */
    public List<PoliceShareRequest> forCase(CaseRef caseRef) {
        return jdbc.sql("""
                SELECT id, crime_ref_enc, requested_at FROM intake_police_share
                 WHERE case_ref = :ref ORDER BY requested_at, id
                """)
                .param("ref", caseRef.value())
                .query((row, n) -> {
                    String sealed = row.getString("crime_ref_enc");
                    String context = context(row.getString("id"));
                    Instant at = dialect.instant(row, "requested_at");
                    if (at == null) {
                        throw new IllegalStateException("requested_at is required");
                    }
                    return new PoliceShareRequest(
                            at, Optional.ofNullable(sealed).map(s -> cipher.decrypt(s, context)));
                })
                .list();
    }

    // The ciphertext is bound to its row: a reference copied onto another request does not decrypt.
    private static String context(String id) {
        return "intake_police_share.crime_ref:" + id;
    }
}
