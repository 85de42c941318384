package org.redress.server.intake.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.intake.Receipt;
import org.redress.server.intake.Route;
import org.redress.server.shared.CaseRef;
import org.redress.server.storage.FieldCipher;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The remembered status token is a secret: it is kept encrypted, bound to its key. */
@Repository
class JdbcIdempotentAnswers implements IdempotentAnswers {

    private static final String FIND = """
            SELECT a.key_hash, a.fingerprint, a.case_ref, a.token_enc, a.received_at, a.removal_deadline, a.route
              FROM intake_idempotent_answer a
             WHERE a.key_hash = :keyHash
            """;

    private static final String REMEMBER = """
            INSERT INTO intake_idempotent_answer (key_hash, fingerprint, case_ref, token_enc, received_at,
                                                  removal_deadline, route)
            VALUES (:keyHash, :fingerprint, :caseRef, :token, :receivedAt, :deadline, :route)
            ON CONFLICT (key_hash) DO NOTHING
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final FieldCipher cipher;

    JdbcIdempotentAnswers(JdbcClient jdbc, SqlDialect dialect, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.cipher = cipher;
    }

    @Override
    public Optional<Remembered> find(String keyHash) {
        return jdbc.sql(FIND)
                .param("keyHash", keyHash)
                .query(this::toRemembered)
                .optional();
    }

    @Override
    public boolean remember(String keyHash, String fingerprint, Receipt receipt) {
        return jdbc.sql(REMEMBER)
                        .param("keyHash", keyHash)
                        .param("fingerprint", fingerprint)
                        .param("caseRef", receipt.caseRef().value())
                        .param("token", cipher.encrypt(receipt.statusToken(), context(keyHash)))
                        .param("receivedAt", dialect.bind(receipt.receivedAt()))
                        .param(
                                "deadline",
                                receipt.removalDeadline().map(dialect::bind).orElse(null))
                        .param("route", receipt.route().name())
                        .update()
                == 1;
    }

    private static String context(String keyHash) {
        return "intake_idempotent_answer.token:" + keyHash;
    }

    private Remembered toRemembered(ResultSet row, int rowNumber) throws SQLException {
        String keyHash = row.getString("key_hash");
        var receipt = new Receipt(
                new CaseRef(row.getString("case_ref")),
                cipher.decrypt(row.getString("token_enc"), context(keyHash)),
                Objects.requireNonNull(dialect.instant(row, "received_at"), "received_at"),
                Optional.ofNullable(dialect.instant(row, "removal_deadline")),
                Route.valueOf(row.getString("route")));
        return new Remembered(row.getString("fingerprint"), receipt);
    }
}
