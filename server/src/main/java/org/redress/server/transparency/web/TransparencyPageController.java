package org.redress.server.transparency.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Role;
import org.redress.server.transparency.Period;
import org.redress.server.transparency.ReportFormats;
import org.redress.server.transparency.Transparency;
import org.redress.server.web.InvalidFieldsException;
import org.redress.server.web.StaffLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The transparency page for compliance staff (and auditors): the figures of a period as tables,
 * with the same figures and the per-decision export to download as CSV. Without dates it shows the
 * current month up to today.
 */
@Controller
@Allow({Role.COMPLIANCE, Role.AUDITOR})
class TransparencyPageController {

    private final Transparency transparency;
    private final Clock clock;

    TransparencyPageController(Transparency transparency, Clock clock) {
        this.transparency = transparency;
        this.clock = clock;
    }

    @GetMapping("/transparency")
    String page(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Model model,
            HttpServletResponse response) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String first = from == null || from.isBlank() ? today.withDayOfMonth(1).toString() : from;
        String last = to == null || to.isBlank() ? today.toString() : to;
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        try {
            Period period = PeriodParameters.period(first, last);
            model.addAttribute("report", transparency.report(period));
        } catch (InvalidFieldsException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.problems().getFirst().detail());
        }
        return "transparency/figures";
    }

    @GetMapping("/transparency/figures.csv")
    void figuresCsv(
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            HttpServletResponse response)
            throws IOException {
        Period period = PeriodParameters.period(from, to);
        var report = transparency.report(period);
        csvResponse(response, "transparency", period);
        ReportFormats.csv(report, response.getWriter());
        response.getWriter().flush();
    }

    @GetMapping("/transparency/decisions.csv")
    void decisionsCsv(
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            HttpServletResponse response)
            throws IOException {
        Period period = PeriodParameters.period(from, to);
        csvResponse(response, "decisions", period);
        transparency.exportDecisions(period, response.getWriter());
    }

    private static void csvResponse(HttpServletResponse response, String what, Period period) {
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // The dates' ISO form is safe in the header as it is.
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"" + what + "-" + period.from() + "-to-" + period.to() + ".csv\"");
    }

    /** Seconds as hours:minutes:seconds (hours may pass 24), for the page's tables. */
    public static String clock(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }

    /** Transparency's entry on the staff start page. */
    @Configuration(proxyBeanMethods = false)
    static class Links {
        @Bean
        StaffLink transparencyLink() {
            return new StaffLink(
                    "transparency-link",
                    "/transparency",
                    "Transparency figures",
                    "compliance",
                    Set.of(Role.COMPLIANCE.name(), Role.AUDITOR.name()),
                    40);
        }
    }
}
