package org.redress.server.review.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.redress.server.shared.CaseRef;
import org.redress.server.storage.OutboxClaims;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Review's queue of work that follows a commit (table {@code review_follow_up}): rows are written
 * in the transaction that causes them and claimed afterwards under a lease, so a crash between the
 * two loses nothing and two replicas never do the same row at once.
 */
@Repository
public class FollowUpQueue {

    /** The kinds of follow-up. */
    public enum Kind {
        /** Hash the removed item's kept image and bank it, which scans earlier uploads for copies. */
        BANK_REMOVED_CONTENT,
        /** Tell the configured law-enforcement contact of a threat to life or safety. */
        NOTIFY_THREAT,
        /**
         * Search the registry for copies of a content item of an undecided case and let them join it
         * (docs/adr/0029); retried with backoff while no check has registered the item.
         */
        FIND_COPIES
    }

    /**
     * A claimed row.
     *
     * @param id the row
     * @param caseRef the case whose acknowledgement queued it
     * @param target what the row acts on: the removed content id, a threat referral's id, or the
     *     content item whose copies are searched
     * @param kind what to do
     * @param attempts how many attempts failed before this one
     */
    public record Due(String id, CaseRef caseRef, String target, Kind kind, int attempts) {
        public Due {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(caseRef, "caseRef");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(kind, "kind");
        }
    }

    private static final String UNFINISHED = "done_at IS NULL";

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final OutboxClaims claims;

    FollowUpQueue(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.claims = new OutboxClaims(jdbc, dialect, "review_follow_up", UNFINISHED);
    }

    /** Queues the follow-up, due at once, inside the caller's transaction. */
    public void queue(CaseRef ref, String target, Kind kind, Instant at) {
        jdbc.sql("""
                INSERT INTO review_follow_up (id, case_ref, target, kind, queued_at, attempts, next_attempt_at)
                VALUES (:id, :ref, :target, :kind, :at, 0, :at)
                """)
                .param("id", UUID.randomUUID().toString())
                .param("ref", ref.value())
                .param("target", target)
                .param("kind", kind.name())
                .param("at", dialect.bind(at))
                .update();
    }

    /** Whether any row is due at {@code now}: a read, so an idle poll takes no write lock. */
    public boolean anyDue(Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM review_follow_up WHERE " + UNFINISHED
                                + " AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until <= :now)")
                        .param("now", dialect.bind(now))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Claims up to {@code limit} due rows for {@code lease}, oldest first. */
    public List<Due> claim(Instant now, Duration lease, int limit) {
        String claimant = UUID.randomUUID().toString();
        if (claims.claim(claimant, now, now.plus(lease), limit) == 0) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, case_ref, target, kind, attempts FROM review_follow_up
                 WHERE claimed_by = :claimant ORDER BY next_attempt_at, id
                """)
                .param("claimant", claimant)
                .query((row, n) -> new Due(
                        row.getString("id"),
                        new CaseRef(row.getString("case_ref")),
                        row.getString("target"),
                        Kind.valueOf(row.getString("kind")),
                        row.getInt("attempts")))
                .list();
    }

    public void done(String id, Instant at) {
        jdbc.sql("UPDATE review_follow_up SET done_at = :at, claimed_by = NULL, claimed_until = NULL WHERE id = :id")
                .param("id", id)
                .param("at", dialect.bind(at))
                .update();
    }

    /** Records a failed attempt; the row comes back at {@code next}. */
    public void retryLater(String id, String error, Instant next) {
        jdbc.sql("""
                UPDATE review_follow_up
                   SET attempts = attempts + 1, last_error = :error, next_attempt_at = :next,
                       claimed_by = NULL, claimed_until = NULL
                 WHERE id = :id
                """)
                .param("id", id)
                .param("error", error)
                .param("next", dialect.bind(next))
                .update();
    }

    /** How many follow-ups of one kind of the case are not done yet. */
    public int pending(CaseRef ref, Kind kind) {
        return jdbc.sql("SELECT COUNT(*) FROM review_follow_up WHERE case_ref = :ref AND kind = :kind AND "
                        + UNFINISHED)
                .param("ref", ref.value())
                .param("kind", kind.name())
                .query(Integer.class)
                .single();
    }

    /** How many follow-ups of the case are not done yet. */
    public int pending(CaseRef ref) {
        return jdbc.sql("SELECT COUNT(*) FROM review_follow_up WHERE case_ref = :ref AND " + UNFINISHED)
                .param("ref", ref.value())
                .query(Integer.class)
                .single();
    }
}
