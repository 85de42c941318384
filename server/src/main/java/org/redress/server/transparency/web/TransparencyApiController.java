package org.redress.server.transparency.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Role;
import org.redress.server.transparency.Period;
import org.redress.server.transparency.ReportFormats;
import org.redress.server.transparency.Transparency;
import org.redress.server.transparency.TransparencyReport;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The transparency figures of a period and the per-decision export, for compliance staff and
 * auditors: both read the record and change nothing, and neither shows a name, a statement or an
 * uploader. Administrators run the service but answer to nobody for its figures, so they are not
 * given them here (least privilege); they have the command line.
 */
@RestController
class TransparencyApiController {

    private final Transparency transparency;

    TransparencyApiController(Transparency transparency) {
        this.transparency = transparency;
    }

    /** The figures of the period ({@code from} and {@code to} both included, UTC) as JSON or CSV. */
    @GetMapping("/api/v1/transparency")
    @Allow({Role.COMPLIANCE, Role.AUDITOR})
    void figures(
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "json") String format,
            HttpServletResponse response)
            throws IOException {
        Period period = PeriodParameters.period(from, to);
        PeriodParameters.Format chosen = PeriodParameters.format(format);
        TransparencyReport report = transparency.report(period);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (chosen == PeriodParameters.Format.CSV) {
            response.setContentType("text/csv");
            response.setHeader("Content-Disposition", attachment("transparency", period));
            ReportFormats.csv(report, response.getWriter());
        } else {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write(ReportFormats.json(report));
        }
        response.getWriter().flush();
    }

    /**
     * Every decision of the period as CSV, one line each, streamed as it is read: no cap on rows,
     * and memory bounded whatever the period holds.
     */
    @GetMapping("/api/v1/transparency/decisions")
    @Allow({Role.COMPLIANCE, Role.AUDITOR})
    void decisions(
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            HttpServletResponse response)
            throws IOException {
        Period period = PeriodParameters.period(from, to);
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", attachment("decisions", period));
        transparency.exportDecisions(period, response.getWriter());
    }

    /** The dates' ISO form is safe in the header as it is. */
    private static String attachment(String what, Period period) {
        return "attachment; filename=\"" + what + "-" + period.from() + "-to-" + period.to() + ".csv\"";
    }
}
