package org.redress.server.transparency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;
import org.redress.server.storage.SqlDialect;
import org.redress.server.transparency.dsa.StatementSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statements of reasons of a period in the EU DSA Transparency Database's schema, one JSON
 * object per line (JSON Lines), one per restriction asked for in the period: removals, hides,
 * automated blocks of uploads and account suspensions (ADR 0023). Written as they are read: no
 * cap on rows, memory bounded. The API and {@code redress report statements} both write through
 * here.
 */
@Service
public class DsaStatements {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StatementSource source;
    private final SqlDialect dialect;
    private final TransactionTemplate readOnly;

    DsaStatements(StatementSource source, SqlDialect dialect, PlatformTransactionManager transactions) {
        this.source = source;
        this.dialect = dialect;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Writes the period's statements, oldest restriction first, one line each. */
    public void exportJsonLines(Period period, Writer out) throws IOException {
        try {
            // A cursor on PostgreSQL needs a transaction; on SQLite one would hold the write lock
            // for the whole export (see Transparency).
            if (dialect instanceof SqlDialect.Postgresql) {
                readOnly.executeWithoutResult(status -> write(period, out));
            } else {
                write(period, out);
            }
        } catch (UncheckedIOException e) {
            throw Objects.requireNonNull(e.getCause());
        }
        out.flush();
    }

    private void write(Period period, Writer out) {
        source.each(period.start(), period.end(), (puid, at, statement) -> {
            try {
                out.write(JSON.writeValueAsString(statement));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
