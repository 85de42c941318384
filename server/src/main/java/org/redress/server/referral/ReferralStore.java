package org.redress.server.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    /**
     * A file to upload with a CyberTipline report, as stored.
     *
     * @param mediaId media's id of the file
     * @param contentId the platform's id it was kept under
     * @param fileId NCMEC's id for it, once {@code /upload} answered
     * @param fileName the name it was uploaded under, once uploaded
     * @param md5 the MD5 of the bytes uploaded, once uploaded
     * @param sha256 their SHA-256, once uploaded
     * @param uploadedAt when {@code /upload} answered
     * @param described whether {@code /fileinfo} answered
     * @param missing why media could not give it ({@code PURGED}, {@code DAMAGED}), when it could not
     */
    record File(
            String mediaId,
            String contentId,
            Optional<String> fileId,
            Optional<String> fileName,
            Optional<String> md5,
            Optional<String> sha256,
            Optional<Instant> uploadedAt,
            boolean described,
            Optional<String> missing) {}

    /**
     * A file NCMEC took.
     *
     * @param fileId the id {@code /upload} answered
     * @param fileName the name it was uploaded under
     * @param bytes its size
     * @param md5 the MD5 of the bytes uploaded, hex
     * @param sha256 their SHA-256, hex
     */
    record Uploaded(String fileId, String fileName, long bytes, String md5, String sha256) {}

    private static final String UNFINISHED = "state IN ('QUEUED', 'READY', 'SUBMITTED', 'WITHDRAWING')";

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

    /**
     * Stores the built report, sealed, with the files to upload after it (media id and the content id
     * each was kept under, in order), and moves on to {@code next}; a MANUAL referral is let go.
     */
    void built(String id, String report, List<Map.Entry<String, String>> files, ReferralState next, Instant at) {
        int updated = jdbc.sql("UPDATE referral_referral SET record_enc = :record, state = :state"
                        + " WHERE id = :id AND state = 'QUEUED'")
                .param("id", id)
                .param("record", cipher.encrypt(report, context(id)))
                .param("state", next.name())
                .update();
        if (updated == 0) {
            return;
        }
        int seq = 0;
        for (Map.Entry<String, String> file : files) {
            jdbc.sql("""
                    INSERT INTO referral_file (referral_id, media_id, seq, content_id)
                    VALUES (:id, :media, :seq, :content)
                    ON CONFLICT (referral_id, media_id) DO NOTHING
                    """)
                    .param("id", id)
                    .param("media", file.getKey())
                    .param("seq", ++seq)
                    .param("content", file.getValue())
                    .update();
        }
        if (next == ReferralState.MANUAL) {
            release(id);
        }
        step(id, at, "BUILT", Optional.of(next.name()));
    }

    /** The referral's files, in the order they are uploaded. */
    List<File> files(String id) {
        return jdbc.sql("""
                SELECT media_id, content_id, file_id, file_name, md5, sha256, uploaded_at, described_at, missing
                  FROM referral_file WHERE referral_id = :id ORDER BY seq
                """)
                .param("id", id)
                .query((row, n) -> new File(
                        row.getString("media_id"),
                        row.getString("content_id"),
                        Optional.ofNullable(row.getString("file_id")),
                        Optional.ofNullable(row.getString("file_name")),
                        Optional.ofNullable(row.getString("md5")),
                        Optional.ofNullable(row.getString("sha256")),
                        Optional.ofNullable(dialect.instant(row, "uploaded_at")),
                        dialect.instant(row, "described_at") != null,
                        Optional.ofNullable(row.getString("missing"))))
                .list();
    }

    /** Records NCMEC's id for an uploaded file: committed before {@code /fileinfo} is called. */
    void uploaded(String id, String mediaId, Uploaded file, Instant at) {
        jdbc.sql("""
                UPDATE referral_file
                   SET file_id = :file, file_name = :name, bytes = :bytes, md5 = :md5, sha256 = :sha256,
                       uploaded_at = :at
                 WHERE referral_id = :id AND media_id = :media AND file_id IS NULL
                """)
                .param("id", id)
                .param("media", mediaId)
                .param("file", file.fileId())
                .param("name", file.fileName())
                .param("bytes", Math.toIntExact(file.bytes()))
                .param("md5", file.md5())
                .param("sha256", file.sha256())
                .param("at", dialect.bind(at))
                .update();
        step(id, at, "FILE_UPLOADED", Optional.of(file.fileId()));
    }

    /** Records that {@code /fileinfo} took the file's details. */
    void described(String id, String mediaId, String fileId, Instant at) {
        jdbc.sql("UPDATE referral_file SET described_at = :at WHERE referral_id = :id AND media_id = :media")
                .param("id", id)
                .param("media", mediaId)
                .param("at", dialect.bind(at))
                .update();
        step(id, at, "FILE_DESCRIBED", Optional.of(fileId));
    }

    /** Records that media could no longer give the file ({@code PURGED} or {@code DAMAGED}); it is not sent. */
    void fileMissing(String id, String mediaId, String why, Instant at) {
        jdbc.sql("UPDATE referral_file SET missing = :why WHERE referral_id = :id AND media_id = :media")
                .param("id", id)
                .param("media", mediaId)
                .param("why", why)
                .update();
        step(id, at, "FILE_" + why, Optional.of(mediaId));
    }

    /**
     * Withdraws an unfinished referral that no sender holds now: one NCMEC has opened becomes
     * {@code WITHDRAWING} (due at once, for the sender to retract), any other {@code WITHDRAWN}.
     *
     * @return whether it was withdrawn; false when its state changed meanwhile or a sender holds it
     */
    boolean withdraw(String id, ReferralState from, String by, String reason, Instant at) {
        ReferralState to = from == ReferralState.SUBMITTED ? ReferralState.WITHDRAWING : ReferralState.WITHDRAWN;
        int updated = jdbc.sql("""
                UPDATE referral_referral
                   SET state = :to, withdrawn_by = :by, withdrawn_at = :at, withdrawn_reason_enc = :reason,
                       next_attempt_at = :at, attempts = 0, last_error = NULL
                 WHERE id = :id AND state = :was AND (claimed_until IS NULL OR claimed_until <= :at)
                """)
                .param("id", id)
                .param("was", from.name())
                .param("to", to.name())
                .param("by", by)
                .param("at", dialect.bind(at))
                .param("reason", cipher.encrypt(reason, "referral_referral.withdrawn_reason:" + id))
                .update();
        if (updated > 0) {
            step(id, at, "WITHDRAWN", Optional.of(by));
        }
        return updated > 0;
    }

    /** Records that NCMEC retracted the report: it is withdrawn. */
    void retracted(String id, String reportId, Instant at) {
        jdbc.sql("""
                UPDATE referral_referral
                   SET state = 'WITHDRAWN', last_error = NULL, claimed_by = NULL, claimed_until = NULL
                 WHERE id = :id AND state = 'WITHDRAWING'
                """).param("id", id).update();
        step(id, at, "RETRACTED", Optional.of(reportId));
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
                 WHERE id = :id AND state IN ('SUBMITTED', 'MANUAL')
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
