package org.redress.server.enforcement.webhook;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.enforcement.Delivery;
import org.redress.server.enforcement.DeliveryId;
import org.redress.server.enforcement.DeliveryType;
import org.redress.server.storage.OutboxClaims;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDeliveries implements Deliveries {

    private static final String COLUMNS = """
            id, type, case_ref, content_id, uploader_id, created_at, attempts, next_attempt_at, last_status,
            last_error, acknowledged_at, given_up_at""";

    private static final String INSERT = """
            INSERT INTO enforcement_delivery (id, type, case_ref, content_id, uploader_id, body, created_at, attempts,
                next_attempt_at, last_status, last_error, acknowledged_at, given_up_at, claimed_by, claimed_until)
            VALUES (:id, :type, :caseRef, :contentId, :uploaderId, :body, :createdAt, 0, :createdAt, NULL, NULL, NULL,
                NULL, NULL, NULL)
            """;

    private static final String FIND = "SELECT " + COLUMNS + """

              FROM enforcement_delivery
             WHERE id = :id
            """;

    private static final String FOR_CASE = "SELECT " + COLUMNS + """

              FROM enforcement_delivery
             WHERE case_ref = :caseRef
             ORDER BY created_at, id
            """;

    private static final String PENDING_FILTER = "acknowledged_at IS NULL AND given_up_at IS NULL AND attempts = 0";
    private static final String FAILING_FILTER = "acknowledged_at IS NULL AND given_up_at IS NULL AND attempts > 0";
    private static final String ACKNOWLEDGED_FILTER = "acknowledged_at IS NOT NULL";
    private static final String GIVEN_UP_FILTER = "given_up_at IS NOT NULL";

    private static final String IN_STATE = "SELECT " + COLUMNS + """

              FROM enforcement_delivery
             WHERE %s
             ORDER BY created_at, id
             LIMIT :limit
            """;

    private static final String CLAIMED = "SELECT " + COLUMNS + ", body" + """

              FROM enforcement_delivery
             WHERE claimed_by = :claim AND acknowledged_at IS NULL AND given_up_at IS NULL
             ORDER BY next_attempt_at, id
            """;

    private static final String ACKNOWLEDGE = """
            UPDATE enforcement_delivery
               SET attempts = attempts + 1, last_status = :status, last_error = NULL, acknowledged_at = :at,
                   claimed_by = NULL, claimed_until = NULL
             WHERE id = :id AND claimed_by = :claim AND acknowledged_at IS NULL AND given_up_at IS NULL
            """;

    private static final String RETRY_LATER = """
            UPDATE enforcement_delivery
               SET attempts = attempts + 1, last_status = :status, last_error = :error, next_attempt_at = :next,
                   claimed_by = NULL, claimed_until = NULL
             WHERE id = :id AND claimed_by = :claim AND acknowledged_at IS NULL AND given_up_at IS NULL
            """;

    private static final String GIVE_UP = """
            UPDATE enforcement_delivery
               SET attempts = attempts + 1, last_status = :status, last_error = :error, given_up_at = :at,
                   claimed_by = NULL, claimed_until = NULL
             WHERE id = :id AND claimed_by = :claim AND acknowledged_at IS NULL AND given_up_at IS NULL
            """;

    private static final String REVIVE = """
            UPDATE enforcement_delivery
               SET given_up_at = NULL, next_attempt_at = :at, claimed_by = NULL, claimed_until = NULL
             WHERE id = :id AND given_up_at IS NOT NULL
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final OutboxClaims claims;

    JdbcDeliveries(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.claims = new OutboxClaims(
                jdbc, dialect, "enforcement_delivery", "acknowledged_at IS NULL AND given_up_at IS NULL");
    }

    @Override
    public void insert(Delivery delivery, byte[] body) {
        jdbc.sql(INSERT)
                .param("id", delivery.id().value())
                .param("type", delivery.type().wireName())
                .param("caseRef", delivery.caseRef())
                .param("contentId", delivery.contentId().orElse(null))
                .param("uploaderId", delivery.uploaderId().orElse(null))
                .param("body", new String(body, StandardCharsets.UTF_8))
                .param("createdAt", dialect.bind(delivery.createdAt()))
                .update();
    }

    @Override
    public Optional<Delivery> find(DeliveryId id) {
        return jdbc.sql(FIND).param("id", id.value()).query(this::toDelivery).optional();
    }

    @Override
    public List<Delivery> forCase(String caseRef) {
        return jdbc.sql(FOR_CASE)
                .param("caseRef", caseRef)
                .query(this::toDelivery)
                .list();
    }

    @Override
    public List<Delivery> inState(Delivery.State state, int limit) {
        String filter = switch (state) {
            case PENDING -> PENDING_FILTER;
            case FAILING -> FAILING_FILTER;
            case ACKNOWLEDGED -> ACKNOWLEDGED_FILTER;
            case GIVEN_UP -> GIVEN_UP_FILTER;
        };
        return jdbc.sql(IN_STATE.formatted(filter))
                .param("limit", limit)
                .query(this::toDelivery)
                .list();
    }

    @Override
    public List<Claimed> claimDue(String claim, Instant now, Instant leaseUntil, int limit) {
        if (claims.claim(claim, now, leaseUntil, limit) == 0) {
            return List.of();
        }
        return jdbc.sql(CLAIMED)
                .param("claim", claim)
                .query((row, n) ->
                        new Claimed(toDelivery(row, n), row.getString("body").getBytes(StandardCharsets.UTF_8), claim))
                .list();
    }

    @Override
    public boolean acknowledge(DeliveryId id, String claim, int status, Instant at) {
        return jdbc.sql(ACKNOWLEDGE)
                        .param("id", id.value())
                        .param("claim", claim)
                        .param("status", status)
                        .param("at", dialect.bind(at))
                        .update()
                == 1;
    }

    @Override
    public boolean retryLater(DeliveryId id, String claim, Optional<Integer> status, String error, Instant next) {
        return jdbc.sql(RETRY_LATER)
                        .param("id", id.value())
                        .param("claim", claim)
                        .param("status", status.orElse(null))
                        .param("error", error)
                        .param("next", dialect.bind(next))
                        .update()
                == 1;
    }

    @Override
    public boolean giveUp(DeliveryId id, String claim, Optional<Integer> status, String error, Instant at) {
        return jdbc.sql(GIVE_UP)
                        .param("id", id.value())
                        .param("claim", claim)
                        .param("status", status.orElse(null))
                        .param("error", error)
                        .param("at", dialect.bind(at))
                        .update()
                == 1;
    }

    @Override
    public boolean revive(DeliveryId id, Instant at) {
        return jdbc.sql(REVIVE)
                        .param("id", id.value())
                        .param("at", dialect.bind(at))
                        .update()
                == 1;
    }

    private Delivery toDelivery(ResultSet row, int rowNumber) throws SQLException {
        int attempts = row.getInt("attempts");
        int status = row.getInt("last_status");
        Optional<Integer> lastStatus = row.wasNull() ? Optional.empty() : Optional.of(status);
        Optional<Instant> acknowledgedAt = Optional.ofNullable(dialect.instant(row, "acknowledged_at"));
        Optional<Instant> givenUpAt = Optional.ofNullable(dialect.instant(row, "given_up_at"));
        Delivery.State state = acknowledgedAt.isPresent()
                ? Delivery.State.ACKNOWLEDGED
                : givenUpAt.isPresent()
                        ? Delivery.State.GIVEN_UP
                        : attempts > 0 ? Delivery.State.FAILING : Delivery.State.PENDING;
        Optional<Instant> next = state == Delivery.State.PENDING || state == Delivery.State.FAILING
                ? Optional.ofNullable(dialect.instant(row, "next_attempt_at"))
                : Optional.empty();
        return new Delivery(
                new DeliveryId(row.getString("id")),
                DeliveryType.ofWireName(row.getString("type")),
                row.getString("case_ref"),
                Optional.ofNullable(row.getString("content_id")),
                Optional.ofNullable(row.getString("uploader_id")),
                state,
                Objects.requireNonNull(dialect.instant(row, "created_at")),
                attempts,
                next,
                lastStatus,
                Optional.ofNullable(row.getString("last_error")),
                acknowledgedAt,
                givenUpAt);
    }
}
