package org.redress.server.intake;

import java.util.Optional;
import org.redress.server.shared.Jurisdiction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The jurisdiction whose law a case's statements of reasons cite (ADR 0023): the one the platform
 * declared with the case's first report that declared one, else the platform's default
 * ({@code redress.jurisdiction.default}), else {@link Jurisdiction#UK_AND_US}, which is what every
 * statement cited before jurisdictions were declared. Reads no personal field; changes nothing.
 */
@Component
public class IntakeJurisdictions {

    private static final String DECLARED = """
            SELECT jurisdiction FROM intake_report
             WHERE case_ref = :ref AND jurisdiction IS NOT NULL
             ORDER BY received_at, id LIMIT 1
            """;

    private final JdbcClient jdbc;
    private final String defaultCode;

    IntakeJurisdictions(JdbcClient jdbc, @Value("${redress.jurisdiction.default:}") String defaultCode) {
        if (!defaultCode.isBlank() && Jurisdiction.of(defaultCode).isEmpty()) {
            throw new IllegalArgumentException("redress.jurisdiction.default names no jurisdiction Redress knows");
        }
        this.jdbc = jdbc;
        this.defaultCode = defaultCode.isBlank() ? Jurisdiction.UK_AND_US.name() : defaultCode.strip();
    }

    /** The code declared for the case, else the default's: an EU/EEA state's code is kept as given. */
    public String codeFor(String caseRef) {
        return declared(caseRef).orElse(defaultCode);
    }

    /** The jurisdiction of {@link #codeFor}. */
    public Jurisdiction of(String caseRef) {
        return Jurisdiction.of(codeFor(caseRef)).orElse(Jurisdiction.UK_AND_US);
    }

    /** The platform's default code, for restrictions that belong to no report. */
    public String defaultCode() {
        return defaultCode;
    }

    private Optional<String> declared(String caseRef) {
        return jdbc.sql(DECLARED).param("ref", caseRef).query(String.class).optional();
    }
}
