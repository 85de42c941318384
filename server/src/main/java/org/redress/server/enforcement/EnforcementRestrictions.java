package org.redress.server.enforcement;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every restriction the platform was asked to apply, read from the webhook outbox for the DSA
 * Transparency Database (the transparency module): removals, hides, automated blocks of uploads and
 * account suspensions, one row per webhook, whatever became of its delivery. The outbox is the one
 * place where each of them is kept for good (a later suspension replaces an earlier one in
 * review's record). Only non-personal facts leave this class: no content or uploader id, no
 * statement text. Periods are half-open, by when the webhook was queued; changes nothing.
 */
@Component
public class EnforcementRestrictions {

    private static final String EACH = """
            SELECT id, type, case_ref, created_at, body FROM enforcement_delivery
             WHERE type IN ('content.remove', 'content.hide', 'upload.blocked', 'account.suspend')
               AND created_at >= :since AND created_at < :until
             ORDER BY created_at, id
            """;

    private static final String FIRST = """
            SELECT MIN(created_at) AS first_at FROM enforcement_delivery
             WHERE type IN ('content.remove', 'content.hide', 'upload.blocked', 'account.suspend')
               AND created_at >= :since
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One restriction.
     *
     * @param id the webhook's id, unique and never reused
     * @param type {@code CONTENT_REMOVE}, {@code CONTENT_HIDE}, {@code UPLOAD_BLOCKED} or {@code ACCOUNT_SUSPEND}
     * @param caseRef the case it belongs to ({@link Enforcement#AUTOMATED_CASE_REF} for a block without one)
     * @param at when it was asked for
     * @param until when a suspension ends
     * @param provisional for a block: whether only entries no person had confirmed matched
     * @param jurisdiction for a block: the jurisdiction whose law the uploader was told of
     */
    public record Restriction(
            String id,
            DeliveryType type,
            String caseRef,
            Instant at,
            Optional<Instant> until,
            boolean provisional,
            Optional<String> jurisdiction) {
        public Restriction {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(caseRef, "caseRef");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(jurisdiction, "jurisdiction");
        }
    }

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    EnforcementRestrictions(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /**
     * Hands each restriction of the period to {@code each} as it is read, oldest first,
     * {@code fetchSize} rows at a time; on PostgreSQL the caller's transaction makes that a cursor.
     */
    public void eachRestriction(Instant from, Instant until, int fetchSize, Consumer<Restriction> each) {
        jdbc.sql(EACH)
                .withFetchSize(fetchSize)
                .param("since", dialect.bind(from))
                .param("until", dialect.bind(until))
                .query((RowCallbackHandler) row -> each.accept(restriction(
                        row.getString("id"),
                        DeliveryType.ofWireName(row.getString("type")),
                        row.getString("case_ref"),
                        Objects.requireNonNull(dialect.instant(row, "created_at")),
                        row.getString("body"))));
    }

    /** When the first restriction at or after {@code from} was asked for, if any was. */
    public Optional<Instant> firstAtOrAfter(Instant from) {
        return jdbc.sql(FIRST)
                .param("since", dialect.bind(from))
                .query((row, n) -> Optional.ofNullable(dialect.instant(row, "first_at")))
                .single();
    }

    private static Restriction restriction(String id, DeliveryType type, String caseRef, Instant at, String body) {
        JsonNode json = JSON.readTree(body);
        Optional<Instant> until = json.path("until").isString()
                ? Optional.of(Instant.parse(json.path("until").asString()))
                : Optional.empty();
        // A provisional block is one that lasts until a moderator checks the match (BlockStatement).
        boolean provisional = "UNTIL_REVIEWED"
                .equals(json.path("statementOfReasons")
                        .path("restriction")
                        .path("duration")
                        .asString(""));
        // The ground the block's statement cited (the declared jurisdiction or the platform's
        // default, ADR 0032); blocks recorded before it was written name the deterrence's only.
        String jurisdiction = json.path("statementOfReasons")
                .path("legalGround")
                .path("jurisdictionCode")
                .asString(json.path("deterrence").path("jurisdiction").asString(""));
        return new Restriction(
                id,
                type,
                caseRef,
                at,
                until,
                provisional,
                jurisdiction.isEmpty() ? Optional.empty() : Optional.of(jurisdiction));
    }
}
