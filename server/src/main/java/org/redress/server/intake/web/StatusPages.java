package org.redress.server.intake.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.redress.server.intake.CaseStatus;
import org.redress.server.intake.ComplaintType;
import org.redress.server.intake.Progress;
import org.redress.server.intake.ReporterComplaint;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What a status page shows of a case: where it stands, what happened in plain words, what can be done. */
@Component
class StatusPages {

    /** A dated line: {@code iso} for the page's script, which shows it in the reader's own time zone. */
    record EventRow(String at, String iso, String what) {}

    /** A complaint as its page shows it: what about, answered by when, and the answer once given. */
    record ComplaintRow(
            String id,
            String about,
            When received,
            @Nullable When answerBy,
            @Nullable String outcome,
            @Nullable String reply,
            @Nullable When answeredAt) {

        static ComplaintRow of(ReporterComplaint complaint) {
            var answer = complaint.answer();
            return new ComplaintRow(
                    complaint.complaintId(),
                    ABOUT.get(complaint.type()),
                    When.of(complaint.receivedAt()),
                    complaint.answerBy().map(When::of).orElse(null),
                    answer.map(a -> a.outcome().plain()).orElse(null),
                    answer.map(ReporterComplaint.Answer::reply).orElse(null),
                    answer.map(a -> When.of(a.answeredAt())).orElse(null));
        }

        @Override
        public String toString() {
            return "ComplaintRow[id=" + id + ", reply=redacted]";
        }
    }

    /** The complaint types a reporter chooses from, in their words. */
    static final Map<ComplaintType, String> ABOUT = new EnumMap<>(Map.of(
            ComplaintType.DECISION, "The decision on my report",
            ComplaintType.DELAY, "How long my report is taking",
            ComplaintType.REPORTING_PROCESS, "How reporting works (the form, the questions, the messages)",
            ComplaintType.AUTOMATED_BLOCK, "An upload that was blocked"));

    /** A date and time as a person reads it: before the page's script runs, in UK time with its zone. */
    record When(String text, String iso) {
        static When of(Instant at) {
            return new When(WHEN.format(at), DateTimeFormatter.ISO_INSTANT.format(at));
        }
    }

    // Europe/London when the reader's zone is unknown (no script): most readers are in the UK.
    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm zzz", Locale.UK).withZone(ZoneId.of("Europe/London"));

    private static final Map<String, String> PLAIN = plainSentences(Map.of(
            "REPORT_RECEIVED", "We received your report.",
            "HASHES_RECEIVED", "We received the fingerprints of your images.",
            "ROUTED_TO_CHILD_PROTECTION", "The case went to the specialist child-protection team.",
            "REPORT_WITHDRAWN", "You withdrew your report.",
            "CASE_WITHDRAWN", "The case was closed because every report was withdrawn.",
            "MESSAGES_STOPPED", "You asked us to stop sending messages.",
            "COMPLAINT_RECEIVED", "We received your complaint.",
            "POLICE_SHARE_REQUESTED", "You asked us to share your case with the police.",
            "COMPLAINT_ANSWERED", "We answered your complaint.",
            "STATUS_LINK_EMAILED", "We e-mailed you this page's private link, as you asked."));

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
        model.addAttribute("deadline", status.removalDeadline().map(When::of).orElse(null));
        model.addAttribute(
                "complaints", status.complaints().stream().map(ComplaintRow::of).toList());
        model.addAttribute(
                "complaintTypes",
                ABOUT.entrySet().stream()
                        .filter(e -> e.getKey().fromReporters())
                        .toList());
        model.addAttribute(
                "events",
                status.history().stream()
                        .map(e -> new EventRow(
                                WHEN.format(e.at()),
                                DateTimeFormatter.ISO_INSTANT.format(e.at()),
                                PLAIN.getOrDefault(e.what(), e.what())))
                        .toList());
    }

    /** Pages that show a token are not cached and send no referrer. */
    static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
