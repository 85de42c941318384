package org.redress.server.intake.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.redress.server.intake.CaseStatus;
import org.redress.server.intake.Progress;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What a status page shows of a case: where it stands, what happened in plain words, what can be done. */
@Component
class StatusPages {

    record EventRow(String at, String what) {}

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

    private static final Map<String, String> PLAIN = plainSentences(Map.of(
            "REPORT_RECEIVED", "We received your report.",
            "HASHES_RECEIVED", "We received the fingerprints of your images.",
            "ROUTED_TO_CHILD_PROTECTION", "The case went to the specialist child-protection team.",
            "REPORT_WITHDRAWN", "You withdrew your report.",
            "CASE_WITHDRAWN", "The case was closed because every report was withdrawn.",
            "MESSAGES_STOPPED", "You asked us to stop sending messages.",
            "COMPLAINT_RECEIVED", "We received your complaint."));

    private static Map<String, String> plainSentences(Map<String, String> intakeSteps) {
        var all = new HashMap<>(intakeSteps);
        for (Progress step : Progress.values()) {
            all.put(step.name(), step.plain());
        }
        return Map.copyOf(all);
    }

    void describe(CaseStatus status, String token, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("outlook", CaseOutlook.of(status));
        model.addAttribute("token", token);
        model.addAttribute("support", Support.forRoute(status.route()));
        model.addAttribute(
                "deadline", status.removalDeadline().map(WHEN::format).orElse(null));
        model.addAttribute(
                "events",
                status.history().stream()
                        .map(e -> new EventRow(WHEN.format(e.at()), PLAIN.getOrDefault(e.what(), e.what())))
                        .toList());
    }

    /** Pages that show a token are not cached and send no referrer. */
    static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
