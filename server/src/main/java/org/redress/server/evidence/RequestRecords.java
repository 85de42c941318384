package org.redress.server.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of {@code evidence_request}, {@code evidence_request_case} and
 * {@code evidence_request_step}. Sealed columns arrive and leave sealed: {@link LawEnforcementRequests}
 * opens them.
 */
@Repository
class RequestRecords {

    /** A request's row, its sealed columns still sealed. */
    record Row(
            String id,
            String agency,
            String sealedOfficer,
            String sealedCrimeReference,
            String legalBasis,
            Instant deadline,
            RequestState state,
            @Nullable String linkedKind,
            @Nullable String linkedRef,
            Instant lastStepAt) {}

    /** A step's row, its note still sealed. */
    record StepRow(
            int seq,
            CustodyStep.Kind kind,
            String actor,
            Instant at,
            @Nullable String sealedNote,
            @Nullable String manifestSha256) {}

    private static final String COLUMNS = """
            id, agency, officer, crime_reference, legal_basis, deadline, state, linked_kind, linked_ref,
            last_step_at""";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    RequestRecords(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    void insert(Row row, List<String> scope) {
        jdbc.sql("""
                        INSERT INTO evidence_request (id, agency, officer, crime_reference, legal_basis, deadline,
                                                      state, recorded_by, recorded_at, linked_kind, linked_ref,
                                                      last_step_at)
                        VALUES (:id, :agency, :officer, :crime, :basis, :deadline, :state, '', :at, :kind, :ref, :at)
                        """)
                .param("id", row.id())
                .param("agency", row.agency())
                .param("officer", row.sealedOfficer())
                .param("crime", row.sealedCrimeReference())
                .param("basis", row.legalBasis())
                .param("deadline", dialect.bind(row.deadline()))
                .param("state", row.state().name())
                .param("at", dialect.bind(row.lastStepAt()))
                .param("kind", row.linkedKind())
                .param("ref", row.linkedRef())
                .update();
        for (String caseRef : scope) {
            jdbc.sql("INSERT INTO evidence_request_case (request_id, case_ref) VALUES (:id, :caseRef)")
                    .param("id", row.id())
                    .param("caseRef", caseRef)
                    .update();
        }
    }

    /** Appends a step and moves the request to {@code state}; the request's row is locked first. */
    void step(String requestId, RequestState state, StepRow step) {
        jdbc.sql("UPDATE evidence_request SET state = :state, last_step_at = :at WHERE id = :id")
                .param("state", state.name())
                .param("at", dialect.bind(step.at()))
                .param("id", requestId)
                .update();
        if (step.kind() == CustodyStep.Kind.RECORDED) {
            jdbc.sql("UPDATE evidence_request SET recorded_by = :actor WHERE id = :id")
                    .param("actor", step.actor())
                    .param("id", requestId)
                    .update();
        }
        if (step.kind() == CustodyStep.Kind.APPROVED || step.kind() == CustodyStep.Kind.REFUSED) {
            jdbc.sql("UPDATE evidence_request SET decided_by = :actor, decided_at = :at WHERE id = :id")
                    .param("actor", step.actor())
                    .param("at", dialect.bind(step.at()))
                    .param("id", requestId)
                    .update();
        }
        jdbc.sql("""
                        INSERT INTO evidence_request_step (request_id, seq, step, actor, at, note, manifest_sha256)
                        VALUES (:id, :seq, :step, :actor, :at, :note, :manifest)
                        """)
                .param("id", requestId)
                .param("seq", step.seq())
                .param("step", step.kind().name())
                .param("actor", step.actor())
                .param("at", dialect.bind(step.at()))
                .param("note", step.sealedNote())
                .param("manifest", step.manifestSha256())
                .update();
    }

    /** Takes the request's row for the rest of the transaction, so two steps never get the same number. */
    Optional<Row> lock(String id) {
        dialect.serialize(jdbc, "evidence_request:" + id);
        return find(id);
    }

    Optional<Row> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evidence_request WHERE id = :id")
                .param("id", id)
                .query((row, n) -> row(row))
                .optional();
    }

    /** The requests, the latest step first. */
    List<Row> all(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evidence_request ORDER BY last_step_at DESC, id LIMIT :limit")
                .param("limit", limit)
                .query((row, n) -> row(row))
                .list();
    }

    List<String> scope(String id) {
        return jdbc.sql("SELECT case_ref FROM evidence_request_case WHERE request_id = :id ORDER BY case_ref")
                .param("id", id)
                .query(String.class)
                .list();
    }

    List<StepRow> steps(String id) {
        return jdbc.sql("""
                        SELECT seq, step, actor, at, note, manifest_sha256
                          FROM evidence_request_step WHERE request_id = :id ORDER BY seq
                        """)
                .param("id", id)
                .query((row, n) -> new StepRow(
                        row.getInt("seq"),
                        CustodyStep.Kind.valueOf(row.getString("step")),
                        row.getString("actor"),
                        required(dialect.instant(row, "at")),
                        row.getString("note"),
                        row.getString("manifest_sha256")))
                .list();
    }

    /** Requests whose last step is older than the cutoff, by id after {@code afterId}. */
    List<String> untouchedSince(Instant cutoff, String afterId, int limit) {
        return jdbc.sql("""
                        SELECT id FROM evidence_request WHERE last_step_at < :cutoff AND id > :after
                         ORDER BY id LIMIT :limit
                        """)
                .param("cutoff", dialect.bind(cutoff))
                .param("after", afterId)
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    void delete(String id) {
        jdbc.sql("DELETE FROM evidence_request_step WHERE request_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM evidence_request_case WHERE request_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM evidence_request WHERE id = :id").param("id", id).update();
    }

    private Row row(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Row(
                row.getString("id"),
                row.getString("agency"),
                row.getString("officer"),
                row.getString("crime_reference"),
                row.getString("legal_basis"),
                required(dialect.instant(row, "deadline")),
                RequestState.valueOf(row.getString("state")),
                row.getString("linked_kind"),
                row.getString("linked_ref"),
                required(dialect.instant(row, "last_step_at")));
    }

    private static Instant required(@Nullable Instant instant) {
        return Objects.requireNonNull(instant, "a NOT NULL time column was null");
    }
}
