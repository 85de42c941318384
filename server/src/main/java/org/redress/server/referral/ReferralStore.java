package org.redress.server.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redress.server.shared.CaseRef;
import org.redress.server.storage.FieldCipher;
import org.redress.server.storage.OutboxClaims;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Referrals as stored ({@code referral_referral}, {@code referral_step}). The row is its own
 * outbox: a claim holds it under a lease while the sender takes its steps, each step's update keeps
 * the claim, and only the last step or a failure lets it go. The built report is encrypted with
 * the data key, bound to its row.
 */
@Repository
class ReferralStore {

    /**
     * A claimed row.
     *
     * @param id the referral
     * @param caseRef its case
     * @param agency who it goes to
     * @param state the step it is at
     * @param reportId the agency's id, once returned
     * @param attempts failed attempts so far
     */
    record Due(
            String id, CaseRef caseRef, Agency agency, ReferralState state, Optional<String> reportId, int attempts) {
        Due {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(reportId, "reportId");
        }
    }

    private static final String UNFINISHED = "state IN ('QUEUED', 'READY', 'SUBMITTED')";

    private static final String COLUMNS = """
            SELECT id, case_ref, agency, state, decided_by, created_at, report_id, submitted_at, finished_at,
                   retain_until, attempts, last_error FROM referral_referral
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final FieldCipher cipher;
    private final OutboxClaims claims;

    ReferralStore(JdbcClient jdbc, SqlDialect dialect, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.cipher = cipher;
        this.claims = new OutboxClaims(jdbc, dialect, "referral_referral", UNFINISHED);
    }

    /** Queues the referral of the case to the agency, due at once; a second one for the same pair is ignored. */
    boolean queue(CaseRef ref, Agency agency, String decidedBy, Instant at, Instant retainUntil) {
        String id = UUID.randomUUID().toString();
        int inserted = jdbc.sql("""
                INSERT INTO referral_referral (id, case_ref, agency, state, decided_by, created_at, retain_until,
                    attempts, next_attempt_at)
                VALUES (:id, :ref, :agency, 'QUEUED', :by, :at, :retain, 0, :at)
                ON CONFLICT (case_ref, agency) DO NOTHING
                """)
                .param("id", id)
                .param("ref", ref.value())
                .param("agency", agency.name())
                .param("by", decidedBy)
                .param("at", dialect.bind(at))
                .param("retain", dialect.bind(retainUntil))
                .update();
        if (inserted > 0) {
            step(id, at, "QUEUED", Optional.of(agency.name()));
        }
        return inserted > 0;
    }

    /** Whether any row is due: a read, so an idle poll takes no write lock. */
    boolean anyDue(Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM referral_referral WHERE " + UNFINISHED
                                + " AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until <= :now)")
                        .param("now", dialect.bind(now))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    List<Due> claim(Instant now, Duration lease, int limit) {
        String claimant = UUID.randomUUID().toString();
        if (claims.claim(claimant, now, now.plus(lease), limit) == 0) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, case_ref, agency, state, report_id, attempts FROM referral_referral
                 WHERE claimed_by = :claimant ORDER BY next_attempt_at, id
                """)
                .param("claimant", claimant)
                .query((row, n) -> new Due(
                        row.getString("id"),
                        new CaseRef(row.getString("case_ref")),
                        Agency.valueOf(row.getString("agency")),
                        ReferralState.valueOf(row.getString("state")),
                        Optional.ofNullable(row.getString("report_id")),
                        row.getInt("attempts")))
                .list();
    }

    /** Stores the built report, sealed, and moves on to {@code next}; a MANUAL referral is let go. */
    void built(String id, String report, ReferralState next, Instant at) {
        jdbc.sql("UPDATE referral_referral SET record_enc = :record, state = :state"
                        + " WHERE id = :id AND state = 'QUEUED'")
                .param("id", id)
                .param("record", cipher.encrypt(report, context(id)))
                .param("state", next.name())
                .update();
        if (next == ReferralState.MANUAL) {
            release(id);
        }
        step(id, at, "BUILT", Optional.of(next.name()));
    }

    /** The built report, decrypted. */
    Optional<String> report(String id) {
        return jdbc.sql("SELECT record_enc FROM referral_referral WHERE id = :id")
                .param("id", id)
                .query((row, n) -> Optional.ofNullable(row.getString("record_enc")))
                .optional()
                .flatMap(stored -> stored)
                .map(stored -> cipher.decrypt(stored, context(id)));
    }

    /** Records that the agency accepted the report under {@code reportId}: before anything else is sent. */
    void submitted(String id, String reportId, Instant at) {
        jdbc.sql("""
                UPDATE referral_referral SET state = 'SUBMITTED', report_id = :report, submitted_at = :at
                 WHERE id = :id AND state = 'READY'
                """)
                .param("id", id)
                .param("report", reportId)
                .param("at", dialect.bind(at))
                .update();
        step(id, at, "SUBMITTED", Optional.of(reportId));
    }

    /** Records the report as finished at the agency, or its reference as recorded by staff. */
    void finished(String id, Optional<String> reportId, Instant at, String step) {
        jdbc.sql("""
                UPDATE referral_referral
                   SET state = 'SENT', finished_at = :at, report_id = COALESCE(:report, report_id), last_error = NULL,
                       claimed_by = NULL, claimed_until = NULL
                 WHERE id = :id
                """)
                .param("id", id)
                .param("report", reportId.orElse(null))
                .param("at", dialect.bind(at))
                .update();
        step(id, at, step, reportId);
    }

    /** Records a failed attempt; the row comes back at {@code next}. */
    void retryLater(String id, String error, Instant at, Instant next) {
        jdbc.sql("""
                UPDATE referral_referral
                   SET attempts = attempts + 1, last_error = :error, next_attempt_at = :next,
                       claimed_by = NULL, claimed_until = NULL
                 WHERE id = :id
                """)
                .param("id", id)
                .param("error", error)
                .param("next", dialect.bind(next))
                .update();
        step(id, at, "FAILED", Optional.of(error));
    }

    void step(String id, Instant at, String step, Optional<String> detail) {
        jdbc.sql("""
                INSERT INTO referral_step (referral_id, seq, at, step, detail)
                SELECT :id, COALESCE(MAX(seq), 0) + 1, :at, :step, :detail FROM referral_step WHERE referral_id = :id
                """)
                .param("id", id)
                .param("at", dialect.bind(at))
                .param("step", step)
                .param("detail", detail.orElse(null))
                .update();
    }

    /** The case's referrals with their steps. */
    List<Referral> forCase(CaseRef ref) {
        return jdbc
                .sql(COLUMNS + " WHERE case_ref = :ref ORDER BY created_at, agency")
                .param("ref", ref.value())
                .query(this::toReferral)
                .list()
                .stream()
                .map(this::withSteps)
                .toList();
    }

    Optional<Referral> find(String id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id")
                .param("id", id)
                .query(this::toReferral)
                .optional()
                .map(this::withSteps);
    }

    private void release(String id) {
        jdbc.sql("UPDATE referral_referral SET claimed_by = NULL, claimed_until = NULL WHERE id = :id")
                .param("id", id)
                .update();
    }

    // Read after the referral's own query has closed, never inside its row mapper.
    private Referral withSteps(Referral r) {
        return new Referral(
                r.id(),
                r.caseRef(),
                r.agency(),
                r.state(),
                r.decidedBy(),
                r.createdAt(),
                r.reportId(),
                r.submittedAt(),
                r.finishedAt(),
                r.retainUntil(),
                r.attempts(),
                r.lastError(),
                steps(r.id()));
    }

    private List<Referral.Step> steps(String id) {
        return jdbc.sql("SELECT at, step, detail FROM referral_step WHERE referral_id = :id ORDER BY seq")
                .param("id", id)
                .query((row, n) -> new Referral.Step(
                        required(row, "at"), row.getString("step"), Optional.ofNullable(row.getString("detail"))))
                .list();
    }

    private Referral toReferral(ResultSet row, int n) throws SQLException {
        return new Referral(
                row.getString("id"),
                new CaseRef(row.getString("case_ref")),
                Agency.valueOf(row.getString("agency")),
                ReferralState.valueOf(row.getString("state")),
                row.getString("decided_by"),
                required(row, "created_at"),
                Optional.ofNullable(row.getString("report_id")),
                Optional.ofNullable(dialect.instant(row, "submitted_at")),
                Optional.ofNullable(dialect.instant(row, "finished_at")),
                required(row, "retain_until"),
                row.getInt("attempts"),
                Optional.ofNullable(row.getString("last_error")),
                List.of());
    }

    private Instant required(ResultSet row, String column) throws SQLException {
        @Nullable Instant at = dialect.instant(row, column);
        if (at == null) {
            throw new IllegalStateException(column + " is required");
        }
        return at;
    }

    // The ciphertext is bound to its row: a report copied onto another referral does not decrypt.
    private static String context(String id) {
        return "referral_referral.record:" + id;
    }
}
