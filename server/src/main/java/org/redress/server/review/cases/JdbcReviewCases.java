package org.redress.server.review.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.intake.ReportReason;
import org.redress.server.review.AccountStanding;
import org.redress.server.review.CaseContent;
import org.redress.server.review.CaseMatch;
import org.redress.server.review.Claim;
import org.redress.server.review.HistoryEntry;
import org.redress.server.review.HistoryStep;
import org.redress.server.review.MediaPreference;
import org.redress.server.review.NoViolationReason;
import org.redress.server.review.Origin;
import org.redress.server.review.Outcome;
import org.redress.server.review.RecordedDecision;
import org.redress.server.review.RemovalBasis;
import org.redress.server.review.ReviewCase;
import org.redress.server.review.ReviewState;
import org.redress.server.review.Severity;
import org.redress.server.review.Source;
import org.redress.server.shared.CaseRef;
import org.redress.server.storage.DerivedKeys;
import org.redress.server.storage.FieldCipher;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcReviewCases implements ReviewCases {

    private static final String CASE_COLUMNS = """
            SELECT case_ref, origin, linked_case, severity, source, state, received_at, deadline, warned_at,
                breached_at,
                   removed_at, claimed_by, claim_expires_at, version
              FROM review_case
            """;

    private static final String INSERT = """
            INSERT INTO review_case (case_ref, origin, linked_case, severity, severity_rank, source, source_rank, state,
                                     received_at, deadline, warned_at, breached_at, removed_at, claimed_by,
                                     claim_expires_at, version)
            VALUES (:ref, :origin, :linked, :severity, :severityRank, :source, :sourceRank, :state,
                :receivedAt, :deadline,
                    :warnedAt, :breachedAt, :removedAt, :claimedBy, :claimExpiresAt, 0)
            """;

    private static final String UPDATE_IF_UNCHANGED = """
            UPDATE review_case
               SET severity = :severity, severity_rank = :severityRank, source = :source, source_rank = :sourceRank,
                   state = :state, received_at = :receivedAt, deadline = :deadline, warned_at = :warnedAt,
                   breached_at = :breachedAt, removed_at = :removedAt, claimed_by = :claimedBy,
                   claim_expires_at = :claimExpiresAt, version = version + 1
             WHERE case_ref = :ref AND version = :version
            """;

    private static final String ADD_CONTENT = """
            INSERT INTO review_content (case_ref, content_id, uploader_id) VALUES (:ref, :contentId, :uploaderId)
            ON CONFLICT (case_ref, content_id) DO UPDATE
               SET uploader_id = COALESCE(review_content.uploader_id, excluded.uploader_id)
            """;

    private static final String COUNT_REMOVAL = """
            INSERT INTO review_uploader (uploader_id, confirmed_removals, last_removal_at) VALUES (:uploader, 1, :at)
            ON CONFLICT (uploader_id) DO UPDATE
               SET confirmed_removals = review_uploader.confirmed_removals + 1,
                   last_removal_at = excluded.last_removal_at
            """;

    private static final String SAVE_PREFERENCE = """
            INSERT INTO review_preference (username, reveal_media, greyscale) VALUES (:username, :reveal, :greyscale)
            ON CONFLICT (username) DO UPDATE SET reveal_media = excluded.reveal_media, greyscale = excluded.greyscale
            """;

    private static final String INSERT_DECISION = """
            INSERT INTO review_decision (id, case_ref, decided_by, outcome, basis, reason_code, policy, statement_enc,
                                         statement_of_reasons, decided_at)
            VALUES (:id, :ref, :decidedBy, :outcome, :basis, :reason, :policy, :statement, :sor, :at)
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final FieldCipher cipher;
    private final UploaderPseudonyms uploaders;

    JdbcReviewCases(JdbcClient jdbc, SqlDialect dialect, FieldCipher cipher, DerivedKeys keys) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.cipher = cipher;
        this.uploaders = new UploaderPseudonyms(keys.derive(UploaderPseudonyms.PURPOSE));
    }

    @Override
    public void insert(ReviewCase c) {
        bindCase(jdbc.sql(INSERT), c).update();
    }

    @Override
    public Optional<ReviewCase> find(CaseRef ref) {
        return jdbc.sql(CASE_COLUMNS + " WHERE case_ref = :ref")
                .param("ref", ref.value())
                .query(this::toCase)
                .optional();
    }

    @Override
    public List<CaseRef> linkingTo(CaseRef ref, int limit) {
        return jdbc.sql("""
                        SELECT case_ref FROM review_case WHERE linked_case = :ref
                         ORDER BY received_at, case_ref LIMIT :limit
                        """)
                .param("ref", ref.value())
                .param("limit", limit)
                .query((row, n) -> new CaseRef(row.getString("case_ref")))
                .list();
    }

    @Override
    public boolean update(ReviewCase c) {
        return bindCase(jdbc.sql(UPDATE_IF_UNCHANGED), c)
                        .param("version", c.version())
                        .update()
                == 1;
    }

    private JdbcClient.StatementSpec bindCase(JdbcClient.StatementSpec sql, ReviewCase c) {
        return sql.param("ref", c.ref().value())
                .param("origin", c.origin().name())
                .param("linked", c.linkedCase().map(CaseRef::value).orElse(null))
                .param("severity", c.severity().name())
                .param("severityRank", c.severity().rank())
                .param("source", c.source().name())
                .param("sourceRank", c.source().rank())
                .param("state", c.state().name())
                .param("receivedAt", dialect.bind(c.receivedAt()))
                .param("deadline", dialect.bind(c.deadline()))
                .param("warnedAt", c.warnedAt().map(dialect::bind).orElse(null))
                .param("breachedAt", c.breachedAt().map(dialect::bind).orElse(null))
                .param("removedAt", c.removedAt().map(dialect::bind).orElse(null))
                .param("claimedBy", c.claim().map(Claim::moderator).orElse(null))
                .param(
                        "claimExpiresAt",
                        c.claim().map(claim -> dialect.bind(claim.expiresAt())).orElse(null));
    }

    @Override
    public List<ReviewCase> queue(Collection<ReviewState> states, int maxSeverityRank, int limit) {
        return jdbc.sql(CASE_COLUMNS + """
                 WHERE state IN (:states) AND severity_rank <= :maxSeverityRank
                 ORDER BY deadline, urgent DESC, severity_rank DESC, source_rank DESC, received_at, case_ref
                 LIMIT :limit
                """)
                .param("states", states.stream().map(Enum::name).toList())
                .param("maxSeverityRank", maxSeverityRank)
                .param("limit", limit)
                .query(this::toCase)
                .list();
    }

    @Override
    public void recordReason(CaseRef ref, ReportReason reason) {
        jdbc.sql("UPDATE review_case SET reason = :reason, urgent = :urgent WHERE case_ref = :ref")
                .param("reason", reason.name())
                .param("urgent", reason.urgent())
                .param("ref", ref.value())
                .update();
    }

    @Override
    public Map<CaseRef, ReportReason> reasons(Collection<CaseRef> refs) {
        if (refs.isEmpty()) {
            return Map.of();
        }
        var reasons = new java.util.HashMap<CaseRef, ReportReason>();
        jdbc.sql("SELECT case_ref, reason FROM review_case WHERE reason IS NOT NULL AND case_ref IN (:refs)")
                .param("refs", refs.stream().map(CaseRef::value).distinct().toList())
                .query((row, n) -> Map.entry(row.getString("case_ref"), row.getString("reason")))
                .list()
                .forEach(row ->
                        ReportReason.named(row.getValue()).ifPresent(r -> reasons.put(new CaseRef(row.getKey()), r)));
        return reasons;
    }

    @Override
    public Optional<CaseRef> caseOfContent(String contentId) {
        return jdbc.sql("""
                SELECT t.case_ref FROM review_content t JOIN review_case c ON c.case_ref = t.case_ref
                 WHERE t.content_id = :contentId AND c.origin <> 'APPEAL'
                 ORDER BY c.received_at DESC, c.case_ref LIMIT 1
                """)
                .param("contentId", contentId)
                .query((row, n) -> new CaseRef(row.getString(1)))
                .optional();
    }

    @Override
    public void removeContent(CaseRef ref, String contentId) {
        jdbc.sql("""
                DELETE FROM review_content
                 WHERE case_ref = :ref AND content_id = :contentId AND removal_delivery IS NULL
                """).param("ref", ref.value()).param("contentId", contentId).update();
    }

    @Override
    public void addContent(CaseRef ref, String contentId, Optional<String> uploaderId) {
        jdbc.sql(ADD_CONTENT)
                .param("ref", ref.value())
                .param("contentId", contentId)
                .param(
                        "uploaderId",
                        uploaderId
                                .map(u -> cipher.encrypt(u, uploaderContext(ref, contentId)))
                                .orElse(null))
                .update();
    }

    /** The uploader of a case's content is kept encrypted, bound to its row. */
    static String uploaderContext(CaseRef ref, String contentId) {
        return "review_content.uploader_id:" + ref.value() + ":" + contentId;
    }

    private Optional<String> uploaderOf(CaseRef ref, String contentId, @Nullable String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        // Rows written before uploader ids were encrypted are converted on start (UploaderRowsAtRest).
        return Optional.of(
                FieldCipher.isSealed(stored) ? cipher.decrypt(stored, uploaderContext(ref, contentId)) : stored);
    }

    @Override
    public int sealLegacyUploaderRows() {
        int changed = 0;
        var contents = jdbc.sql("""
                SELECT case_ref, content_id, uploader_id FROM review_content
                 WHERE uploader_id IS NOT NULL AND uploader_id NOT LIKE 'v1:%'
                """)
                .query((row, n) ->
                        List.of(row.getString("case_ref"), row.getString("content_id"), row.getString("uploader_id")))
                .list();
        for (List<String> row : contents) {
            CaseRef ref = new CaseRef(row.get(0));
            changed += jdbc.sql("""
                    UPDATE review_content SET uploader_id = :sealed
                     WHERE case_ref = :ref AND content_id = :contentId AND uploader_id = :plain
                    """)
                    .param("sealed", cipher.encrypt(row.get(2), uploaderContext(ref, row.get(1))))
                    .param("ref", row.get(0))
                    .param("contentId", row.get(1))
                    .param("plain", row.get(2))
                    .update();
        }
        List<String> plainUploaders = jdbc.sql("SELECT uploader_id FROM review_uploader WHERE uploader_id NOT LIKE '"
                        + UploaderPseudonyms.PREFIX + "%'")
                .query(String.class)
                .list();
        for (String plain : plainUploaders) {
            String pseudonym = uploaders.of(plain);
            int merged = jdbc.sql("""
                    UPDATE review_uploader
                       SET confirmed_removals = confirmed_removals
                               + (SELECT confirmed_removals FROM review_uploader WHERE uploader_id = :plain)
                     WHERE uploader_id = :pseudonym
                    """)
                    .param("plain", plain)
                    .param("pseudonym", pseudonym)
                    .update();
            changed += merged == 1
                    ? jdbc.sql("DELETE FROM review_uploader WHERE uploader_id = :plain")
                            .param("plain", plain)
                            .update()
                    : jdbc.sql("UPDATE review_uploader SET uploader_id = :pseudonym WHERE uploader_id = :plain")
                            .param("pseudonym", pseudonym)
                            .param("plain", plain)
                            .update();
        }
        return changed;
    }

    @Override
    public List<CaseContent> contents(CaseRef ref) {
        return jdbc.sql("""
                SELECT content_id, uploader_id, removal_delivery, removal_requested_at, removed_at
                  FROM review_content WHERE case_ref = :ref ORDER BY content_id
                """)
                .param("ref", ref.value())
                .query((row, n) -> new CaseContent(
                        row.getString("content_id"),
                        uploaderOf(ref, row.getString("content_id"), row.getString("uploader_id")),
                        Optional.ofNullable(row.getString("removal_delivery")),
                        instant(row, "removal_requested_at"),
                        instant(row, "removed_at")))
                .list();
    }

    @Override
    public void markRemovalRequested(CaseRef ref, String contentId, String deliveryId, Instant at) {
        jdbc.sql("""
                UPDATE review_content SET removal_delivery = :delivery, removal_requested_at = :at
                 WHERE case_ref = :ref AND content_id = :contentId
                """)
                .param("delivery", deliveryId)
                .param("at", dialect.bind(at))
                .param("ref", ref.value())
                .param("contentId", contentId)
                .update();
    }

    @Override
    public Optional<Map.Entry<CaseRef, String>> removalByDelivery(String deliveryId) {
        return jdbc.sql("SELECT case_ref, content_id FROM review_content WHERE removal_delivery = :delivery")
                .param("delivery", deliveryId)
                .query((row, n) -> (Map.Entry<CaseRef, String>)
                        new AbstractMap.SimpleImmutableEntry<>(new CaseRef(row.getString(1)), row.getString(2)))
                .optional();
    }

    @Override
    public void markRemoved(CaseRef ref, String contentId, Instant at) {
        jdbc.sql("UPDATE review_content SET removed_at = :at WHERE case_ref = :ref AND content_id "
                        + "= :contentId AND removed_at IS NULL")
                .param("at", dialect.bind(at))
                .param("ref", ref.value())
                .param("contentId", contentId)
                .update();
    }

    @Override
    public void addMatch(CaseRef ref, CaseMatch m) {
        jdbc.sql("""
                INSERT INTO review_match
                    (case_ref, content_id, bank, entry_id, distance, retroactive, found_at, variant)
                VALUES (:ref, :contentId, :bank, :entryId, :distance, :retroactive, :at, :variant)
                """)
                .param("ref", ref.value())
                .param("contentId", m.contentId())
                .param("bank", m.bank())
                .param("entryId", m.entryId())
                .param("distance", m.distance())
                .param("retroactive", m.retroactive())
                .param("at", dialect.bind(m.foundAt()))
                .param("variant", m.variant().orElse(null))
                .update();
    }

    @Override
    public List<CaseMatch> matches(CaseRef ref) {
        return jdbc.sql("""
                SELECT content_id, bank, entry_id, distance, retroactive, found_at, variant
                  FROM review_match WHERE case_ref = :ref ORDER BY id
                """)
                .param("ref", ref.value())
                .query((row, n) -> new CaseMatch(
                        row.getString("content_id"),
                        row.getString("bank"),
                        row.getLong("entry_id"),
                        row.getInt("distance"),
                        row.getBoolean("retroactive"),
                        required(row, "found_at"),
                        Optional.ofNullable(row.getString("variant"))))
                .list();
    }

    @Override
    public void insertDecision(RecordedDecision d) {
        jdbc.sql(INSERT_DECISION)
                .param("id", d.id())
                .param("ref", d.caseRef())
                .param("decidedBy", d.decidedBy())
                .param("outcome", d.outcome().name())
                .param("basis", d.basis().map(Enum::name).orElse(null))
                .param("reason", d.reason().map(Enum::name).orElse(null))
                .param("policy", d.policy().orElse(null))
                .param(
                        "statement",
                        d.statement()
                                .map(s -> cipher.encrypt(s, statementContext(d.id())))
                                .orElse(null))
                .param("sor", d.statementOfReasons().orElse(null))
                .param("at", dialect.bind(d.decidedAt()))
                .update();
    }

    @Override
    public List<RecordedDecision> decisions(CaseRef ref) {
        return jdbc.sql("""
                SELECT id, case_ref, decided_by, outcome, basis, reason_code, policy, statement_enc,
                    statement_of_reasons,
                       decided_at
                  FROM review_decision WHERE case_ref = :ref ORDER BY decided_at, id
                """).param("ref", ref.value()).query(this::toDecision).list();
    }

    @Override
    public void appendHistory(CaseRef ref, Instant at, String actor, HistoryStep what, Optional<String> detail) {
        jdbc.sql("INSERT INTO review_history (case_ref, occurred_at, actor, what, detail) VALUES "
                        + "(:ref, :at, :actor, :what, :detail)")
                .param("ref", ref.value())
                .param("at", dialect.bind(at))
                .param("actor", actor)
                .param("what", what.name())
                .param("detail", detail.orElse(null))
                .update();
    }

    @Override
    public List<HistoryEntry> history(CaseRef ref) {
        return jdbc.sql("SELECT occurred_at, actor, what, detail FROM review_history WHERE case_ref = :ref ORDER BY id")
                .param("ref", ref.value())
                .query((row, n) -> new HistoryEntry(
                        required(row, "occurred_at"),
                        row.getString("actor"),
                        HistoryStep.valueOf(row.getString("what")),
                        Optional.ofNullable(row.getString("detail"))))
                .list();
    }

    @Override
    public List<ReviewCase> clockRunningWithDeadlineBy(Instant by, boolean unwarnedOnly) {
        return jdbc.sql(CASE_COLUMNS
                        + " WHERE state IN ('OPEN', 'ESCALATED', 'AWAITING_REMOVAL') AND deadline <= :by AND "
                        + (unwarnedOnly ? "warned_at IS NULL" : "breached_at IS NULL") + " ORDER BY deadline, case_ref")
                .param("by", dialect.bind(by))
                .query(this::toCase)
                .list();
    }

    @Override
    public int countRemoval(String uploaderId, Instant at) {
        jdbc.sql(COUNT_REMOVAL)
                .param("uploader", uploaders.of(uploaderId))
                .param("at", dialect.bind(at))
                .update();
        return confirmedRemovals(uploaderId);
    }

    @Override
    public Optional<AccountStanding> standing(String uploaderId) {
        return jdbc.sql("""
                SELECT confirmed_removals, warned_at, suspended_until FROM review_uploader WHERE uploader_id = :u
                """)
                .param("u", uploaders.of(uploaderId))
                .query((row, n) -> new AccountStanding(
                        row.getInt("confirmed_removals"), instant(row, "warned_at"), instant(row, "suspended_until")))
                .optional();
    }

    @Override
    public boolean markWarned(String uploaderId, Instant at) {
        return jdbc.sql("UPDATE review_uploader SET warned_at = :at WHERE uploader_id = :u AND warned_at IS NULL")
                        .param("at", dialect.bind(at))
                        .param("u", uploaders.of(uploaderId))
                        .update()
                == 1;
    }

    @Override
    public boolean markSuspended(String uploaderId, Instant at, Instant until) {
        return jdbc.sql("""
                UPDATE review_uploader SET suspended_at = :at, suspended_until = :until
                 WHERE uploader_id = :u AND (suspended_until IS NULL OR suspended_until <= :at)
                """)
                        .param("at", dialect.bind(at))
                        .param("until", dialect.bind(until))
                        .param("u", uploaders.of(uploaderId))
                        .update()
                == 1;
    }

    @Override
    public boolean liftSuspension(String uploaderId, Instant at) {
        return jdbc.sql("""
                UPDATE review_uploader SET suspended_until = :at WHERE uploader_id = :u AND suspended_until > :at
                """)
                        .param("at", dialect.bind(at))
                        .param("u", uploaders.of(uploaderId))
                        .update()
                == 1;
    }

    @Override
    public void uncountRemoval(String uploaderId) {
        jdbc.sql("""
                UPDATE review_uploader SET confirmed_removals = confirmed_removals - 1
                 WHERE uploader_id = :uploader AND confirmed_removals > 0
                """).param("uploader", uploaders.of(uploaderId)).update();
    }

    @Override
    public int confirmedRemovals(String uploaderId) {
        return jdbc.sql("SELECT confirmed_removals FROM review_uploader WHERE uploader_id = :uploader")
                .param("uploader", uploaders.of(uploaderId))
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    @Override
    public MediaPreference preference(String username) {
        return jdbc.sql("SELECT reveal_media, greyscale FROM review_preference WHERE username = :username")
                .param("username", username)
                .query((row, n) -> new MediaPreference(row.getBoolean("reveal_media"), row.getBoolean("greyscale")))
                .optional()
                .orElse(MediaPreference.PROTECTIVE);
    }

    @Override
    public void savePreference(String username, MediaPreference preference) {
        jdbc.sql(SAVE_PREFERENCE)
                .param("username", username)
                .param("reveal", preference.revealMedia())
                .param("greyscale", preference.greyscale())
                .update();
    }

    @Override
    public void insertReferral(CaseRef ref, String agency, String createdBy, Instant at) {
        jdbc.sql("""
                INSERT INTO review_referral (case_ref, agency, created_by, created_at) VALUES (:ref, :agency, :by, :at)
                ON CONFLICT (case_ref) DO NOTHING
                """)
                .param("ref", ref.value())
                .param("agency", agency)
                .param("by", createdBy)
                .param("at", dialect.bind(at))
                .update();
    }

    @Override
    public Map<ReviewState, Integer> countByState() {
        var counts = new EnumMap<ReviewState, Integer>(ReviewState.class);
        for (ReviewState state : ReviewState.values()) {
            counts.put(state, 0);
        }
        jdbc.sql("SELECT state, COUNT(*) AS n FROM review_case GROUP BY state").query(row -> {
            counts.put(ReviewState.valueOf(row.getString("state")), row.getInt("n"));
        });
        return counts;
    }

    @Override
    public Map<ReviewState, Integer> countByState(int maxSeverityRank) {
        var counts = new EnumMap<ReviewState, Integer>(ReviewState.class);
        for (ReviewState state : ReviewState.values()) {
            counts.put(state, 0);
        }
        jdbc.sql("SELECT state, COUNT(*) AS n FROM review_case WHERE severity_rank <= :maxSeverityRank GROUP BY state")
                .param("maxSeverityRank", maxSeverityRank)
                .query(row -> {
                    counts.put(ReviewState.valueOf(row.getString("state")), row.getInt("n"));
                });
        return counts;
    }

    private static String statementContext(String decisionId) {
        return "review_decision.statement:" + decisionId;
    }

    private ReviewCase toCase(ResultSet row, int n) throws SQLException {
        String claimedBy = row.getString("claimed_by");
        Optional<Instant> claimExpires = instant(row, "claim_expires_at");
        Optional<Claim> claim = claimedBy == null || claimExpires.isEmpty()
                ? Optional.empty()
                : Optional.of(new Claim(claimedBy, claimExpires.get()));
        return new ReviewCase(
                new CaseRef(row.getString("case_ref")),
                Origin.valueOf(row.getString("origin")),
                Optional.ofNullable(row.getString("linked_case")).map(CaseRef::new),
                Severity.valueOf(row.getString("severity")),
                Source.valueOf(row.getString("source")),
                ReviewState.valueOf(row.getString("state")),
                required(row, "received_at"),
                required(row, "deadline"),
                instant(row, "warned_at"),
                instant(row, "breached_at"),
                instant(row, "removed_at"),
                claim,
                row.getLong("version"));
    }

    private RecordedDecision toDecision(ResultSet row, int n) throws SQLException {
        String id = row.getString("id");
        return new RecordedDecision(
                id,
                row.getString("case_ref"),
                row.getString("decided_by"),
                Outcome.valueOf(row.getString("outcome")),
                Optional.ofNullable(row.getString("basis")).map(RemovalBasis::valueOf),
                Optional.ofNullable(row.getString("reason_code")).map(NoViolationReason::valueOf),
                Optional.ofNullable(row.getString("policy")),
                Optional.ofNullable(row.getString("statement_enc")).map(s -> cipher.decrypt(s, statementContext(id))),
                Optional.ofNullable(row.getString("statement_of_reasons")),
                required(row, "decided_at"));
    }

    private Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(dialect.instant(row, column));
    }

    private Instant required(ResultSet row, String column) throws SQLException {
        @Nullable Instant value = dialect.instant(row, column);
        if (value == null) {
            throw new SQLException(column + " is null");
        }
        return value;
    }
}
