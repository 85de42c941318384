package org.redress.server.transparency.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Role;
import org.redress.server.transparency.Period;
import org.redress.server.transparency.policies.RemovalRequests;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The removal requests of a period as a regulator asks for them (the FTC for the TAKE IT DOWN Act,
 * Ofcom for s.10(3A)): one CSV line per reported case with its receipt, deadline, decision,
 * confirmed removal and outcome, streamed as read. Compliance staff and auditors, as the figures.
 */
@RestController
class RemovalRequestsApiController {

    private final RemovalRequests removalRequests;

    RemovalRequestsApiController(RemovalRequests removalRequests) {
        this.removalRequests = removalRequests;
    }

    @GetMapping("/api/v1/transparency/removal-requests")
    @Allow({Role.COMPLIANCE, Role.AUDITOR})
    void export(
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            HttpServletResponse response)
            throws IOException {
        Period period = PeriodParameters.period(from, to);
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // The dates' ISO form is safe in the header as it is.
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"removal-requests-" + period.from() + "-to-" + period.to() + ".csv\"");
        removalRequests.export(period, response.getWriter());
    }
}
