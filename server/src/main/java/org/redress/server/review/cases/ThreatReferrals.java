package org.redress.server.review.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redress.server.review.ThreatReferral;
import org.redress.server.shared.CaseRef;
import org.redress.server.storage.FieldCipher;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Threat referrals as stored ({@code review_threat_referral}); the reason is encrypted at rest. */
@Repository
public class ThreatReferrals {

    private static final String COLUMNS = "SELECT id, case_ref, marked_by, marked_at, reason_enc, contact, due_at,"
            + " notified_at FROM review_threat_referral";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final FieldCipher cipher;

    ThreatReferrals(JdbcClient jdbc, SqlDialect dialect, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.cipher = cipher;
    }

    public void insert(ThreatReferral referral) {
        jdbc.sql("""
                INSERT INTO review_threat_referral (id, case_ref, marked_by, marked_at, reason_enc, contact, due_at)
                VALUES (:id, :ref, :by, :at, :reason, :contact, :due)
                """)
                .param("id", referral.id())
                .param("ref", referral.caseRef().value())
                .param("by", referral.markedBy())
                .param("at", dialect.bind(referral.markedAt()))
                .param("reason", cipher.encrypt(referral.reason(), context(referral.id())))
                .param("contact", referral.contact().orElse(null))
                .param("due", dialect.bind(referral.dueAt()))
                .update();
    }

    public Optional<ThreatReferral> find(String id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id")
                .param("id", id)
                .query(this::toReferral)
                .optional();
    }

    /** The case's referrals, oldest first. */
    public List<ThreatReferral> forCase(CaseRef ref) {
        return jdbc.sql(COLUMNS + " WHERE case_ref = :ref ORDER BY marked_at, id")
                .param("ref", ref.value())
                .query(this::toReferral)
                .list();
    }

    public void markNotified(String id, Instant at) {
        jdbc.sql("UPDATE review_threat_referral SET notified_at = :at WHERE id = :id AND notified_at IS NULL")
                .param("id", id)
                .param("at", dialect.bind(at))
                .update();
    }

    private ThreatReferral toReferral(ResultSet row, int n) throws SQLException {
        String id = row.getString("id");
        return new ThreatReferral(
                id,
                new CaseRef(row.getString("case_ref")),
                row.getString("marked_by"),
                required(row, "marked_at"),
                cipher.decrypt(row.getString("reason_enc"), context(id)),
                Optional.ofNullable(row.getString("contact")),
                required(row, "due_at"),
                Optional.ofNullable(dialect.instant(row, "notified_at")));
    }

    private Instant required(ResultSet row, String column) throws SQLException {
        Instant at = dialect.instant(row, column);
        if (at == null) {
            throw new IllegalStateException(column + " is required");
        }
        return at;
    }

    // The ciphertext is bound to its row: a reason copied onto another referral does not decrypt.
    private static String context(String id) {
        return "review_threat_referral.reason:" + id;
    }
}
