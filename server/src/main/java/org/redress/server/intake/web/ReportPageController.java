package org.redress.server.intake.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.AllowAnyone;
import org.redress.server.intake.CaseEndedException;
import org.redress.server.intake.CaseNotFoundException;
import org.redress.server.intake.CaseStatus;
import org.redress.server.intake.Channel;
import org.redress.server.intake.Complaint;
import org.redress.server.intake.ContentLocator;
import org.redress.server.intake.Declarations;
import org.redress.server.intake.Intake;
import org.redress.server.intake.NewReport;
import org.redress.server.intake.Progress;
import org.redress.server.intake.Receipt;
import org.redress.server.intake.ReportWithdrawnAlreadyException;
import org.redress.server.intake.ReporterRole;
import org.redress.server.intake.Route;
import org.redress.server.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages: the report form, its receipt, each reporter's status page (history, deadline,
 * withdrawal, message opt-out, complaint) and the protect-my-images page. No account is needed;
 * every page carries a quick-exit control and support links. Pages that show a token are not
 * cached and send no referrer.
 */
@Controller
class ReportPageController {

    /** What the person typed, echoed back into the form only (never logged). */
    record ReportForm(
            @Nullable String reporterRole,
            @Nullable Boolean intimateImage,
            @Nullable Boolean subjectOrAuthorised,
            @Nullable Boolean goodFaithAndTrue,
            @Nullable String signature,
            @Nullable String contentLocators,
            @Nullable String email,
            @Nullable String subjectWasUnder18,
            @Nullable String description) {

        static ReportForm empty() {
            return new ReportForm(null, null, null, null, null, null, null, null, null);
        }

        List<String> locators() {
            return contentLocators == null
                    ? List.of()
                    : Arrays.stream(contentLocators.split("\\R"))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
        }

        public boolean declaresIntimateImage() {
            return Boolean.TRUE.equals(intimateImage);
        }

        public boolean declaresSubjectOrAuthorised() {
            return Boolean.TRUE.equals(subjectOrAuthorised);
        }

        public boolean declaresGoodFaithAndTrue() {
            return Boolean.TRUE.equals(goodFaithAndTrue);
        }

        @Override
        public String toString() {
            return "ReportForm[redacted]";
        }
    }

    record EventRow(String at, String what) {}

    private static final DateTimeFormatter WHEN =
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

    private final Intake intake;

    ReportPageController(Intake intake) {
        this.intake = intake;
    }

    @GetMapping("/report")
    @AllowAnyone
    String reportForm(Model model) {
        model.addAttribute("form", ReportForm.empty());
        model.addAttribute("errors", Map.of());
        model.addAttribute("support", Support.forRoute(Route.INTIMATE_IMAGE));
        return "intake/report";
    }

    @PostMapping("/report")
    @AllowAnyone
    String report(ReportForm form, Model model, HttpServletResponse response) {
        Map<String, String> errors = validate(form);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("form", form);
            model.addAttribute("errors", errors);
            model.addAttribute("support", Support.forRoute(Route.INTIMATE_IMAGE));
            return "intake/report";
        }
        var report = new NewReport(
                ReporterRole.valueOf(form.reporterRole()),
                new Declarations(
                        form.declaresIntimateImage(),
                        form.declaresSubjectOrAuthorised(),
                        form.declaresGoodFaithAndTrue()),
                String.valueOf(form.signature()),
                form.locators().stream().map(ContentLocator::of).toList(),
                Optional.ofNullable(form.email()),
                "yes".equals(form.subjectWasUnder18()),
                Optional.ofNullable(form.description()));
        Receipt receipt = intake.report(new Actor.Public(), Channel.PUBLIC, report, Optional.empty());
        private_(response);
        model.addAttribute("receipt", receipt);
        model.addAttribute("support", Support.forRoute(receipt.route()));
        model.addAttribute(
                "deadline", receipt.removalDeadline().map(WHEN::format).orElse(null));
        return "intake/receipt";
    }

    /** Field → message, in the order the fields appear. */
    static Map<String, String> validate(ReportForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.reporterRole() == null
                || Arrays.stream(ReporterRole.values()).noneMatch(r -> r.name().equals(form.reporterRole()))) {
            errors.put("reporterRole", "Choose who you are reporting as.");
        }
        if (form.subjectWasUnder18() == null || !List.of("yes", "no").contains(form.subjectWasUnder18())) {
            errors.put(
                    "subjectWasUnder18", "Tell us whether the person was under 18. If you are not sure, choose yes.");
        }
        List<String> locators = form.locators();
        if (locators.isEmpty()) {
            errors.put("contentLocators", "Give at least one link or content ID, one per line.");
        } else if (locators.size() > NewReport.MAX_LOCATORS
                || locators.stream().anyMatch(l -> l.length() > ContentLocator.MAX_LENGTH)) {
            errors.put(
                    "contentLocators",
                    "Give at most " + NewReport.MAX_LOCATORS + " links, each shorter than 2048 characters.");
        }
        String email = form.email() == null ? "" : form.email().strip();
        if (!email.isEmpty() && (email.length() > 254 || !email.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+"))) {
            errors.put("email", "Enter an e-mail address like name@example.com, or leave it empty.");
        }
        if (form.description() != null && form.description().strip().length() > NewReport.MAX_DESCRIPTION) {
            errors.put("description", "Keep the description under " + NewReport.MAX_DESCRIPTION + " characters.");
        }
        if (!form.declaresIntimateImage()) {
            errors.put("intimateImage", "Confirm that the content is an intimate image.");
        }
        if (!form.declaresSubjectOrAuthorised()) {
            errors.put("subjectOrAuthorised", "Confirm that you are the person shown or act for them.");
        }
        if (!form.declaresGoodFaithAndTrue()) {
            errors.put("goodFaithAndTrue", "Confirm that this report is true and made in good faith.");
        }
        String signature = form.signature() == null ? "" : form.signature().strip();
        if (signature.isEmpty() || signature.length() > NewReport.MAX_SIGNATURE) {
            errors.put("signature", "Type your full name as your signature.");
        }
        return errors;
    }

    @GetMapping("/status/{caseRef}")
    @AllowAnyone
    String status(
            @PathVariable String caseRef,
            @RequestParam(name = "t", required = false) @Nullable String token,
            Model model,
            HttpServletResponse response) {
        return statusPage(token, model, response, () -> intake.status(caseRef, orEmpty(token)), null);
    }

    @PostMapping("/status/{caseRef}/withdraw")
    @AllowAnyone
    String withdraw(
            @PathVariable String caseRef,
            @RequestParam(name = "t", required = false) @Nullable String token,
            Model model,
            HttpServletResponse response) {
        String[] notice = {"Your report is withdrawn."};
        String page = statusPage(
                token,
                model,
                response,
                () -> {
                    try {
                        return intake.withdraw(new Actor.Public(), caseRef, orEmpty(token));
                    } catch (ReportWithdrawnAlreadyException e) {
                        return intake.status(caseRef, orEmpty(token));
                    } catch (CaseEndedException e) {
                        notice[0] = "This case has ended, so there is nothing left to withdraw.";
                        return intake.status(caseRef, orEmpty(token));
                    }
                },
                null);
        model.addAttribute("notice", notice[0]);
        return page;
    }

    @PostMapping("/status/{caseRef}/stop-messages")
    @AllowAnyone
    String stopMessages(
            @PathVariable String caseRef,
            @RequestParam(name = "t", required = false) @Nullable String token,
            Model model,
            HttpServletResponse response) {
        return statusPage(
                token,
                model,
                response,
                () -> intake.stopMessages(new Actor.Public(), caseRef, orEmpty(token)),
                "We will not send you any more messages about this case.");
    }

    @PostMapping("/status/{caseRef}/complain")
    @AllowAnyone
    String complain(
            @PathVariable String caseRef,
            @RequestParam(name = "t", required = false) @Nullable String token,
            @RequestParam(name = "text", required = false) @Nullable String text,
            Model model,
            HttpServletResponse response) {
        String complaint = text == null ? "" : text.strip();
        if (complaint.isEmpty() || complaint.length() > Complaint.MAX_TEXT) {
            String page = statusPage(token, model, response, () -> intake.status(caseRef, orEmpty(token)), null);
            if (response.getStatus() != HttpStatus.NOT_FOUND.value()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("complaintText", complaint);
                model.addAttribute(
                        "complaintError",
                        complaint.isEmpty()
                                ? "Write what you want to complain about."
                                : "Keep your complaint under " + Complaint.MAX_TEXT + " characters.");
            }
            return page;
        }
        return statusPage(
                token,
                model,
                response,
                () -> intake.complain(new Actor.Public(), caseRef, orEmpty(token), complaint)
                        .status(),
                "Your complaint is recorded. It is handled on the expedited route, ahead of ordinary complaints.");
    }

    @GetMapping("/protect")
    @AllowAnyone
    String protect(Model model, HttpServletResponse response) {
        private_(response);
        model.addAttribute("support", Support.forRoute(Route.PROTECTION));
        return "intake/protect";
    }

    private interface Lookup {
        CaseStatus get();
    }

    private String statusPage(
            @Nullable String token, Model model, HttpServletResponse response, Lookup lookup, @Nullable String notice) {
        private_(response);
        CaseStatus status;
        try {
            status = lookup.get();
        } catch (CaseNotFoundException e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "intake/status-not-found";
        }
        model.addAttribute("status", status);
        model.addAttribute("outlook", CaseOutlook.of(status));
        model.addAttribute("token", orEmpty(token));
        model.addAttribute("notice", notice);
        model.addAttribute("support", Support.forRoute(status.route()));
        model.addAttribute(
                "deadline", status.removalDeadline().map(WHEN::format).orElse(null));
        model.addAttribute(
                "events",
                status.history().stream()
                        .map(e -> new EventRow(WHEN.format(e.at()), PLAIN.getOrDefault(e.what(), e.what())))
                        .toList());
        return "intake/status";
    }

    private static String orEmpty(@Nullable String token) {
        return token == null ? "" : token;
    }

    private static void private_(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
