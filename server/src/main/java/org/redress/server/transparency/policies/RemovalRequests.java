package org.redress.server.transparency.policies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Optional;
import org.redress.server.review.RemovalRequestLog;
import org.redress.server.review.RemovalRequestLog.RemovalRequest;
import org.redress.server.storage.SqlDialect;
import org.redress.server.transparency.Csv;
import org.redress.server.transparency.Period;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log of removal requests a regulator asks for (the FTC under the TAKE IT DOWN Act as Ofcom
 * under the OSA): every reported case received in the period, one CSV line each with its receipt,
 * deadline, decision, confirmed removal and outcome, written as it is read, so the export has no
 * row cap and bounded memory. The requests are the reports themselves; nothing is copied.
 */
@Service
public class RemovalRequests {

    static final String[] COLUMNS = {
        "case_ref",
        "source",
        "received_at",
        "deadline",
        "decision",
        "decided_at",
        "removed_at",
        "removed_within_deadline",
        "breached_at",
        "outcome"
    };

    private static final int FETCH_SIZE = 1_000;

    private final RemovalRequestLog log;
    private final SqlDialect dialect;
    private final TransactionTemplate cursor;

    RemovalRequests(RemovalRequestLog log, SqlDialect dialect, PlatformTransactionManager transactions) {
        this.log = log;
        this.dialect = dialect;
        this.cursor = new TransactionTemplate(transactions);
        this.cursor.setReadOnly(true);
    }

    /**
     * Writes the period's requests as CSV, oldest first. On PostgreSQL the read runs in a read-only
     * transaction, the only way its driver keeps a cursor; on SQLite outside one, since a
     * transaction there takes the single write lock for as long as the export runs (ADR 0019).
     */
    public void export(Period period, Writer out) throws IOException {
        var csv = new Csv(out);
        csv.line((Object[]) COLUMNS);
        Runnable read = () -> log.each(period.start(), period.end(), FETCH_SIZE, r -> line(csv, r));
        try {
            if (dialect instanceof SqlDialect.Postgresql) {
                cursor.executeWithoutResult(status -> read.run());
            } else {
                read.run();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    private static void line(Csv csv, RemovalRequest r) {
        String withinDeadline =
                r.removedAt().map(at -> at.isAfter(r.deadline()) ? "no" : "yes").orElse("");
        csv.line(
                r.caseRef(),
                r.source(),
                r.receivedAt(),
                r.deadline(),
                r.decision().map(Enum::name).orElse(""),
                blank(r.decidedAt()),
                blank(r.removedAt()),
                withinDeadline,
                blank(r.breachedAt()),
                r.state());
    }

    private static String blank(Optional<Instant> at) {
        return at.map(Instant::toString).orElse("");
    }
}
