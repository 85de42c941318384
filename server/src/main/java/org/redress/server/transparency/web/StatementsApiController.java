package org.redress.server.transparency.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Role;
import org.redress.server.transparency.DsaStatements;
import org.redress.server.transparency.Period;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The statements of reasons of a period in the EU DSA Transparency Database's schema, as JSON Lines
 * (ADR 0023), for compliance staff and auditors, as the figures are. Streamed as read: no cap on
 * rows. The statements hold no personal data, as the Database requires.
 */
@RestController
class StatementsApiController {

    static final String JSON_LINES = "application/x-ndjson";

    private final DsaStatements statements;

    StatementsApiController(DsaStatements statements) {
        this.statements = statements;
    }

    @GetMapping("/api/v1/transparency/statements")
    @Allow({Role.COMPLIANCE, Role.AUDITOR})
    void statements(
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            HttpServletResponse response)
            throws IOException {
        Period period = PeriodParameters.period(from, to);
        response.setContentType(JSON_LINES);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // The dates' ISO form is safe in the header as it is.
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"statements-" + period.from() + "-to-" + period.to() + ".jsonl\"");
        statements.exportJsonLines(period, response.getWriter());
    }
}
