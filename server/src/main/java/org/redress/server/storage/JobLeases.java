package org.redress.server.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs a scheduled job on one replica at a time and about once per period across all of them. Every
 * replica's scheduler asks {@link #runIfDue}; the first to find the job due and held by nobody holds
 * it (one conditional {@code UPDATE} of the job's row in {@code storage_job_lease}, which two
 * replicas cannot both win), runs it, lets it go and sets when it is next due. A replica that dies
 * while it holds a job never lets it go: its hold ends at the time it set, and the next replica to
 * ask runs the job then. On SQLite, with one process, the same statements only record when the
 * job last ran.
 */
public final class JobLeases {

    private static final String ADD = """
            INSERT INTO storage_job_lease (name, next_run_at) VALUES (:name, :now)
            ON CONFLICT (name) DO NOTHING
            """;

    private static final String HOLD = """
            UPDATE storage_job_lease SET held_by = :hold, held_until = :until
             WHERE name = :name AND next_run_at <= :now
               AND (held_until IS NULL OR held_until <= :now)
            """;

    private static final String LET_GO = """
            UPDATE storage_job_lease SET held_by = NULL, held_until = NULL, next_run_at = :next,
                   last_run_by = :holder, last_run_at = :started
             WHERE name = :name AND held_by = :hold
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final Clock clock;
    private final String holder;

    /**
     * @param holder names this replica in {@code held_by} and {@code last_run_by} (what an operator
     *     reads to see where a job ran); each hold adds its own random part
     */
    public JobLeases(JdbcClient jdbc, SqlDialect dialect, Clock clock, String holder) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (holder.isBlank()) {
            throw new IllegalArgumentException("a job holder needs a name");
        }
        this.holder = holder;
    }

    /** This replica's name in the job table. */
    public String holder() {
        return holder;
    }

    /**
     * Runs {@code work} here when the job is due and no replica holds it; otherwise does nothing.
     * After a run, failed or not, the job is next due {@code every} after this run started.
     *
     * @param job the job's name, prefixed with its module's name ({@code review.deadline-sweep})
     * @param every how often the job runs across all replicas
     * @param holdAtMost how long a run may take: a hold not let go by then (its replica died) ends
     * @return whether the job ran here
     */
    public boolean runIfDue(String job, Duration every, Duration holdAtMost, Runnable work) {
        if (job.isBlank() || every.isNegative() || every.isZero() || holdAtMost.isNegative() || holdAtMost.isZero()) {
            throw new IllegalArgumentException("a job needs a name, a period and a longest hold");
        }
        Instant started = SqlDialect.truncate(clock.instant());
        jdbc.sql(ADD).param("name", job).param("now", dialect.bind(started)).update();
        String hold = holder + "/" + UUID.randomUUID();
        int held = jdbc.sql(HOLD)
                .param("hold", hold)
                .param("until", dialect.bind(started.plus(holdAtMost)))
                .param("name", job)
                .param("now", dialect.bind(started))
                .update();
        if (held != 1) {
            return false;
        }
        try {
            work.run();
        } finally {
            jdbc.sql(LET_GO)
                    .param("next", dialect.bind(started.plus(every)))
                    .param("holder", holder)
                    .param("started", dialect.bind(started))
                    .param("name", job)
                    .param("hold", hold)
                    .update();
        }
        return true;
    }
}
