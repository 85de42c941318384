package org.redress.server.intake.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.intake.CaseState;
import org.redress.server.intake.CaseStatus;
import org.redress.server.intake.Channel;
import org.redress.server.intake.ContentLocator;
import org.redress.server.intake.FlaggerNotice;
import org.redress.server.intake.FlaggerStanding;
import org.redress.server.intake.ReportReason;
import org.redress.server.intake.ReportSummary;
import org.redress.server.intake.ReporterRole;
import org.redress.server.intake.Route;
import org.redress.server.intake.SubmittedHash;
import org.redress.server.shared.CaseRef;
import org.redress.server.storage.FieldCipher;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIntakeCases implements IntakeCases {

    private static final String CASE_COLUMNS = """
            SELECT c.case_ref, c.kind, c.state, c.route, c.priority, c.received_at, c.removal_deadline, c.version
              FROM intake_case c
            """;

    private static final String FIND = CASE_COLUMNS + " WHERE c.case_ref = :caseRef";

    private static final String FIND_OPEN_BY_CONTENT = """
            SELECT c.case_ref, c.kind, c.state, c.route, c.priority, c.received_at, c.removal_deadline, c.version
              FROM intake_case c
              JOIN intake_content t ON t.case_ref = c.case_ref
             WHERE t.locator = :locator AND c.state = 'OPEN'
            """;

    private static final String INSERT = """
            INSERT INTO intake_case (case_ref, kind, state, route, priority, received_at, removal_deadline, version)
            VALUES (:caseRef, :kind, :state, :route, :priority, :receivedAt, :deadline, 0)
            """;

    private static final String UPDATE_IF_UNCHANGED = """
            UPDATE intake_case
               SET state = :state, route = :route, priority = :priority, removal_deadline = :deadline,
                   version = version + 1
             WHERE case_ref = :caseRef AND version = :version
            """;

    private static final String MOVE_CONTENT = """
            UPDATE intake_content SET case_ref = :caseRef WHERE locator = :locator
            """;

    private static final String ADD_CONTENT = """
            INSERT INTO intake_content (locator, case_ref) VALUES (:locator, :caseRef)
            """;

    private static final String INSERT_REPORT = """
            INSERT INTO intake_report (id, case_ref, public_ref, channel, reporter_role, subject_under_18,
                                       signature_enc, contact_email_enc, description_enc, token_hash, received_at,
                                       messages_stopped, withdrawn_at)
            VALUES (:id, :caseRef, :publicRef, :channel, :role, :under18, :signature, :contact, :description,
                    :tokenHash, :receivedAt, FALSE, NULL)
            """;

    private static final String FIND_REPORT = """
            SELECT r.id, r.case_ref, r.public_ref, r.channel, r.subject_under_18, r.received_at,
                   r.contact_email_enc, r.messages_stopped, r.withdrawn_at
              FROM intake_report r
             WHERE r.public_ref = :publicRef AND r.token_hash = :tokenHash
            """;

    private static final String MARK_WITHDRAWN = """
            UPDATE intake_report SET withdrawn_at = :at WHERE id = :id AND withdrawn_at IS NULL
            """;

    private static final String STOP_MESSAGES = """
            UPDATE intake_report SET messages_stopped = TRUE WHERE id = :id
            """;

    private static final String STANDING = """
            SELECT COUNT(*) FROM intake_report WHERE case_ref = :caseRef AND withdrawn_at IS NULL
            """;

    private static final String TO_TELL = """
            SELECT id FROM intake_report
             WHERE case_ref = :caseRef AND withdrawn_at IS NULL AND contact_email_enc IS NOT NULL
                 AND NOT messages_stopped
             ORDER BY received_at, id
            """;

    private static final String SUMMARIES = """
            SELECT r.id, r.channel, r.reporter_role, r.subject_under_18, r.contact_email_enc, r.description_enc,
                   r.received_at, r.withdrawn_at, r.messages_stopped,
                   f.standing, f.flagger_id, f.flagger_version, v.organisation
              FROM intake_report r
              LEFT JOIN intake_report_flagger f ON f.report_id = r.id
              LEFT JOIN intake_flagger_version v ON v.flagger_id = f.flagger_id AND v.version = f.flagger_version
             WHERE r.case_ref = :caseRef ORDER BY r.received_at, r.id
            """;

    private static final String APPEND_EVENT = """
            INSERT INTO intake_event (case_ref, report_id, occurred_at, what)
            VALUES (:caseRef, :reportId, :at, :what)
            """;

    /**
     * One reporter's history: the events of their own report, and the case's own steps (review's
     * progress, a withdrawal of the whole case) from their report's receipt on. Steps before it, and
     * the child-protection routing unless their own report asked for it, belong to other reporters.
     */
    private static final String HISTORY = """
            SELECT e.occurred_at, e.what
              FROM intake_event e
             WHERE e.case_ref = :caseRef
               AND (e.report_id = :reportId
                    OR (e.report_id IS NULL AND e.occurred_at >= :since
                        AND (e.what <> 'ROUTED_TO_CHILD_PROTECTION' OR :showRouting = TRUE)))
             ORDER BY e.occurred_at, e.id
            """;

    private static final String INSERT_HASH = """
            INSERT INTO intake_hash (report_id, position, pdq, quality, md5, sha256)
            VALUES (:reportId, :position, :pdq, :quality, :md5, :sha256)
            """;

    private static final String OPEN_REFERRAL = """
            INSERT INTO intake_referral (case_ref, state, created_at) VALUES (:caseRef, 'OPEN', :at)
            ON CONFLICT (case_ref) DO NOTHING
            """;

    private static final String REFERRAL_STATE = """
            SELECT state FROM intake_referral WHERE case_ref = :caseRef
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final FieldCipher cipher;

    JdbcIntakeCases(JdbcClient jdbc, SqlDialect dialect, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.cipher = cipher;
    }

    @Override
    public Optional<IntakeCase> find(CaseRef caseRef) {
        return jdbc.sql(FIND)
                .param("caseRef", caseRef.value())
                .query(this::toCase)
                .optional();
    }

    @Override
    public Optional<IntakeCase> findOpenByContent(ContentLocator locator) {
        return jdbc.sql(FIND_OPEN_BY_CONTENT)
                .param("locator", locator.value())
                .query(this::toCase)
                .optional();
    }

    @Override
    public void insert(IntakeCase c) {
        jdbc.sql(INSERT)
                .param("caseRef", c.caseRef().value())
                .param("kind", c.kind())
                .param("state", c.state().name())
                .param("route", c.route().name())
                .param("priority", c.priority().name())
                .param("receivedAt", dialect.bind(c.receivedAt()))
                .param("deadline", c.removalDeadline().map(dialect::bind).orElse(null))
                .update();
    }

    @Override
    public boolean update(IntakeCase c) {
        return jdbc.sql(UPDATE_IF_UNCHANGED)
                        .param("caseRef", c.caseRef().value())
                        .param("state", c.state().name())
                        .param("route", c.route().name())
                        .param("priority", c.priority().name())
                        .param(
                                "deadline",
                                c.removalDeadline().map(dialect::bind).orElse(null))
                        .param("version", c.version())
                        .update()
                == 1;
    }

    @Override
    public void attachContent(ContentLocator locator, CaseRef caseRef) {
        if (jdbc.sql(MOVE_CONTENT)
                        .param("locator", locator.value())
                        .param("caseRef", caseRef.value())
                        .update()
                == 0) {
            jdbc.sql(ADD_CONTENT)
                    .param("locator", locator.value())
                    .param("caseRef", caseRef.value())
                    .update();
        }
    }

    @Override
    public void insertReport(
            String reportId,
            CaseRef caseRef,
            CaseRef publicRef,
            Channel channel,
            ReporterRole role,
            boolean subjectWasUnder18,
            Optional<String> signature,
            Optional<String> contactEmail,
            Optional<String> description,
            String tokenHash,
            Instant receivedAt) {
        jdbc.sql(INSERT_REPORT)
                .param("id", reportId)
                .param("caseRef", caseRef.value())
                .param("publicRef", publicRef.value())
                .param("channel", channel.name())
                .param("role", role.name())
                .param("under18", subjectWasUnder18)
                .param("signature", seal(signature, "signature", reportId))
                .param("contact", seal(contactEmail, "contact", reportId))
                .param("description", seal(description, "description", reportId))
                .param("tokenHash", tokenHash)
                .param("receivedAt", dialect.bind(receivedAt))
                .update();
    }

    private @Nullable String seal(Optional<String> plain, String field, String reportId) {
        return plain.map(text -> cipher.encrypt(text, context(field, reportId))).orElse(null);
    }

    private static String context(String field, String reportId) {
        return "intake_report." + field + ":" + reportId;
    }

    @Override
    public Optional<StoredReport> findReport(CaseRef publicRef, String tokenHash) {
        return jdbc.sql(FIND_REPORT)
                .param("publicRef", publicRef.value())
                .param("tokenHash", tokenHash)
                .query(this::toReport)
                .optional();
    }

    @Override
    public void markWithdrawn(String reportId, Instant at) {
        jdbc.sql(MARK_WITHDRAWN)
                .param("id", reportId)
                .param("at", dialect.bind(at))
                .update();
    }

    @Override
    public void recordReason(String reportId, ReportReason reason) {
        jdbc.sql("UPDATE intake_report SET reason = :reason WHERE id = :id")
                .param("reason", reason.name())
                .param("id", reportId)
                .update();
    }

    @Override
    public void recordJurisdiction(String reportId, String jurisdiction) {
        jdbc.sql("UPDATE intake_report SET jurisdiction = :jurisdiction WHERE id = :id")
                .param("jurisdiction", jurisdiction)
                .param("id", reportId)
                .update();
    }

    @Override
    public void stopMessages(String reportId) {
        jdbc.sql(STOP_MESSAGES).param("id", reportId).update();
    }

    @Override
    public List<String> reportsToTell(CaseRef caseRef) {
        return jdbc.sql(TO_TELL)
                .param("caseRef", caseRef.value())
                .query(String.class)
                .list();
    }

    @Override
    public List<ReportSummary> summaries(CaseRef caseRef) {
        return jdbc.sql(SUMMARIES)
                .param("caseRef", caseRef.value())
                .query((row, n) -> {
                    String id = row.getString("id");
                    return new ReportSummary(
                            id,
                            Channel.valueOf(row.getString("channel")),
                            ReporterRole.valueOf(row.getString("reporter_role")),
                            row.getBoolean("subject_under_18"),
                            row.getString("contact_email_enc") != null,
                            Optional.ofNullable(row.getString("description_enc"))
                                    .map(d -> cipher.decrypt(d, context("description", id))),
                            Objects.requireNonNull(dialect.instant(row, "received_at")),
                            Optional.ofNullable(dialect.instant(row, "withdrawn_at")),
                            flaggerNotice(row));
                })
                .list();
    }

    private static Optional<FlaggerNotice> flaggerNotice(ResultSet row) throws SQLException {
        @Nullable String standing = row.getString("standing");
        if (standing == null) {
            return Optional.empty();
        }
        int version = row.getInt("flagger_version");
        Optional<Integer> flaggerVersion = row.wasNull() ? Optional.empty() : Optional.of(version);
        return Optional.of(new FlaggerNotice(
                FlaggerStanding.valueOf(standing),
                Optional.ofNullable(row.getString("flagger_id")),
                flaggerVersion,
                Optional.ofNullable(row.getString("organisation"))));
    }

    @Override
    public int standingReports(CaseRef caseRef) {
        return jdbc.sql(STANDING)
                .param("caseRef", caseRef.value())
                .query(Integer.class)
                .single();
    }

    @Override
    public void appendEvent(CaseRef caseRef, Optional<String> reportId, Instant at, String what) {
        jdbc.sql(APPEND_EVENT)
                .param("caseRef", caseRef.value())
                .param("reportId", reportId.orElse(null))
                .param("at", dialect.bind(at))
                .param("what", what)
                .update();
    }

    @Override
    public List<CaseStatus.Event> history(StoredReport report) {
        return jdbc.sql(HISTORY)
                .param("caseRef", report.caseRef().value())
                .param("reportId", report.id())
                .param("since", dialect.bind(report.receivedAt()))
                .param("showRouting", report.subjectWasUnder18())
                .query((row, n) -> new CaseStatus.Event(
                        Objects.requireNonNull(dialect.instant(row, "occurred_at")), row.getString("what")))
                .list();
    }

    @Override
    public long publicHashesSince(Instant since) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM intake_hash h JOIN intake_report r ON r.id = h.report_id
                 WHERE r.channel = 'PUBLIC' AND r.received_at >= :since
                """)
                .param("since", dialect.bind(since))
                .query(Long.class)
                .single();
    }

    @Override
    public void insertHashes(String reportId, List<SubmittedHash> hashes) {
        for (int i = 0; i < hashes.size(); i++) {
            SubmittedHash hash = hashes.get(i);
            jdbc.sql(INSERT_HASH)
                    .param("reportId", reportId)
                    .param("position", i)
                    .param("pdq", hash.pdq().toHex())
                    .param("quality", hash.quality().map(q -> q.value()).orElse(null))
                    .param("md5", hash.md5Hex().orElse(null))
                    .param("sha256", hash.sha256Hex().orElse(null))
                    .update();
        }
    }

    @Override
    public void openReferral(CaseRef caseRef, Instant at) {
        jdbc.sql(OPEN_REFERRAL)
                .param("caseRef", caseRef.value())
                .param("at", dialect.bind(at))
                .update();
    }

    @Override
    public Optional<String> referralState(CaseRef caseRef) {
        return jdbc.sql(REFERRAL_STATE)
                .param("caseRef", caseRef.value())
                .query(String.class)
                .optional();
    }

    private IntakeCase toCase(ResultSet row, int rowNumber) throws SQLException {
        return new IntakeCase(
                new CaseRef(row.getString("case_ref")),
                row.getString("kind"),
                CaseState.valueOf(row.getString("state")),
                Route.valueOf(row.getString("route")),
                Channel.valueOf(row.getString("priority")),
                Objects.requireNonNull(dialect.instant(row, "received_at"), "received_at"),
                Optional.ofNullable(dialect.instant(row, "removal_deadline")),
                row.getLong("version"));
    }

    private StoredReport toReport(ResultSet row, int rowNumber) throws SQLException {
        String id = row.getString("id");
        String contact = row.getString("contact_email_enc");
        return new StoredReport(
                id,
                new CaseRef(row.getString("case_ref")),
                new CaseRef(row.getString("public_ref")),
                Channel.valueOf(row.getString("channel")),
                row.getBoolean("subject_under_18"),
                Objects.requireNonNull(dialect.instant(row, "received_at")),
                Optional.ofNullable(contact).map(c -> cipher.decrypt(c, context("contact", id))),
                row.getBoolean("messages_stopped"),
                Optional.ofNullable(dialect.instant(row, "withdrawn_at")));
    }
}
