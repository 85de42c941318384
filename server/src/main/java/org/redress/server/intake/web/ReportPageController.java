package org.redress.server.intake.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.AllowAnyone;
import org.redress.server.identity.PublicForm;
import org.redress.server.identity.PublicForms;
import org.redress.server.intake.CaseNotFoundException;
import org.redress.server.intake.CaseStatus;
import org.redress.server.intake.Channel;
import org.redress.server.intake.ContentLocator;
import org.redress.server.intake.Declarations;
import org.redress.server.intake.IdempotencyKeyReusedException;
import org.redress.server.intake.Intake;
import org.redress.server.intake.NewReport;
import org.redress.server.intake.Receipt;
import org.redress.server.intake.ReportReason;
import org.redress.server.intake.ReporterRole;
import org.redress.server.intake.Route;
import org.redress.server.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

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
            @Nullable String description,
            @Nullable String submissionKey,
            @Nullable String reason) {

        /** An empty form with its own idempotency key, so that sending it twice files one report. */
        static ReportForm fresh() {
            return new ReportForm(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    UUID.randomUUID().toString(),
                    null);
        }

        /** What happened as chosen, or the default when nothing was chosen (the form checks the name). */
        ReportReason chosenReason() {
            return reason == null || reason.isBlank()
                    ? ReportReason.DEFAULT
                    : ReportReason.named(reason).orElse(ReportReason.DEFAULT);
        }

        Optional<String> key() {
            return Optional.ofNullable(submissionKey).map(String::strip).filter(k -> !k.isEmpty() && k.length() <= 100);
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

    /** Said when a public form's token is missing or stale; the answers come back with it. */
    static final String STALE_FORM = "We have not sent this yet: the page was open for a long time, or was opened "
            + "again from an old copy. Nothing is lost. Check your answers below and send again.";

    /** Said when the report could not be stored just now; the answers come back with it. */
    static final String UNAVAILABLE = "We could not take your report just now because of a problem on our side. "
            + "Nothing is lost: your answers are below. Please wait a minute and press Send report again.";

    private static final Logger log = LoggerFactory.getLogger(ReportPageController.class);

    private final Intake intake;
    private final PublicForms forms;
    private final StatusLinks links;

    ReportPageController(Intake intake, PublicForms forms, StatusLinks links) {
        this.intake = intake;
        this.forms = forms;
        this.links = links;
    }

    /** Every page of this controller carries a fresh form token: its forms need no session. */
    @ModelAttribute("formToken")
    String formToken() {
        return forms.issue();
    }

    @GetMapping("/report")
    @AllowAnyone
    String reportForm(Model model) {
        return formPage(ReportForm.fresh(), Map.of(), null, model);
    }

    private static String formPage(ReportForm form, Map<String, String> errors, @Nullable String problem, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formProblem", problem);
        model.addAttribute("support", Support.forRoute(Route.INTIMATE_IMAGE));
        return "intake/report";
    }

    /**
     * Takes a report and answers with a redirect to its receipt (post/redirect/get): reloading the
     * receipt shows it again and files nothing. The form's key makes a second press of Send, or a
     * resent POST, return the first report's receipt instead of filing a duplicate.
     */
    @PostMapping("/report")
    @AllowAnyone
    @PublicForm
    String report(
            ReportForm form,
            @RequestParam(name = PublicForms.FIELD, required = false) @Nullable String formToken,
            Model model,
            HttpServletResponse response) {
        if (!forms.valid(formToken)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return formPage(form, Map.of(), STALE_FORM, model);
        }
        Map<String, String> errors = validate(form);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return formPage(form, errors, null, model);
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
                Optional.ofNullable(form.description()),
                form.chosenReason());
        Receipt receipt;
        try {
            receipt = file(report, form.key());
        } catch (DataAccessResourceFailureException
                | CannotCreateTransactionException
                | TransientDataAccessException e) {
            return unavailable(form, e, model, response);
        }
        return "redirect:"
                + UriComponentsBuilder.fromPath("/report/received/{ref}")
                        .queryParam("t", receipt.statusToken())
                        .encode()
                        .buildAndExpand(receipt.caseRef().value())
                        .toUriString();
    }

    /**
     * The database is out of reach: the person gets their answers back with a plain word, never
     * the problem document API clients get. The form keeps its key, so sending it again files the
     * report once, or answers with its receipt if the first try committed after all.
     */
    private static String unavailable(ReportForm form, Exception e, Model model, HttpServletResponse response) {
        log.warn(
                "Report form not taken, the database is unavailable: {}",
                e.getClass().getName());
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, "60");
        return formPage(form, Map.of(), UNAVAILABLE, model);
    }

    private Receipt file(NewReport report, Optional<String> key) {
        try {
            return intake.report(new Actor.Public(), Channel.PUBLIC, report, key);
        } catch (IdempotencyKeyReusedException e) {
            // The person went back and changed their answers: that is a report of its own.
            return intake.report(new Actor.Public(), Channel.PUBLIC, report, Optional.empty());
        }
    }

    @GetMapping("/report/received/{caseRef}")
    @AllowAnyone
    String receipt(
            @PathVariable String caseRef,
            @RequestParam(name = "t", required = false) @Nullable String token,
            @RequestParam(name = "emailed", required = false) @Nullable String emailed,
            Model model,
            HttpServletResponse response) {
        if (emailed != null) {
            model.addAttribute("notice", "We are sending your private link to the address you gave.");
        }
        StatusPages.noStore(response);
        CaseStatus status;
        try {
            status = intake.status(caseRef, token == null ? "" : token);
        } catch (CaseNotFoundException e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "intake/status-not-found";
        }
        Instant receivedAt = status.history().isEmpty()
                ? Instant.now()
                : status.history().getFirst().at();
        var receipt = new Receipt(
                status.caseRef(), String.valueOf(token), receivedAt, status.removalDeadline(), status.route());
        model.addAttribute("receipt", receipt);
        model.addAttribute("statusUrl", links.of(receipt.caseRef(), receipt.statusToken()));
        model.addAttribute("support", Support.forRoute(receipt.route()));
        model.addAttribute(
                "deadline", receipt.removalDeadline().map(StatusPages.When::of).orElse(null));
        return "intake/receipt";
    }

    /** E-mails the holder their private status link, once they ask on the receipt. */
    @PostMapping("/report/received/{caseRef}/email")
    @AllowAnyone
    @PublicForm
    String emailLink(
            @PathVariable String caseRef,
            @RequestParam(name = "t", required = false) @Nullable String token,
            @RequestParam(name = "email", required = false) @Nullable String email,
            @RequestParam(name = PublicForms.FIELD, required = false) @Nullable String formToken,
            Model model,
            HttpServletResponse response) {
        String to = email == null ? "" : email.strip();
        if (!forms.valid(formToken) || !EMAIL.matcher(to).matches() || to.length() > 254) {
            String page = receipt(caseRef, token, null, model, response);
            if (response.getStatus() != HttpStatus.NOT_FOUND.value()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("linkEmail", to);
                model.addAttribute(
                        "linkEmailError",
                        forms.valid(formToken)
                                ? EMAIL_PROBLEM
                                : "Nothing was sent yet. Check the address and send again.");
            }
            return page;
        }
        String holderToken = token == null ? "" : token;
        try {
            var status = intake.status(caseRef, holderToken);
            intake.emailStatusLink(
                    new Actor.Public(), caseRef, holderToken, to, links.of(status.caseRef(), holderToken));
        } catch (CaseNotFoundException e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "intake/status-not-found";
        }
        return "redirect:"
                + UriComponentsBuilder.fromPath("/report/received/{ref}")
                        .queryParam("t", holderToken)
                        .queryParam("emailed", "1")
                        .encode()
                        .buildAndExpand(caseRef)
                        .toUriString();
    }

    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private static final String EMAIL_PROBLEM = "Enter an e-mail address like name@example.com.";

    /** Field → message, in the order the fields appear. */
    static Map<String, String> validate(ReportForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.reporterRole() == null
                || Arrays.stream(ReporterRole.values()).noneMatch(r -> r.name().equals(form.reporterRole()))) {
            errors.put("reporterRole", "Choose who you are reporting as.");
        }
        if (form.reason() != null
                && !form.reason().isBlank()
                && ReportReason.named(form.reason()).isEmpty()) {
            errors.put("reason", "Choose what happened from the list, or leave it if none fits.");
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
        // Anyone may report (EU DSA Art. 16): only the person shown, or someone acting for them,
        // declares that standing.
        if (!form.declaresSubjectOrAuthorised()
                && !ReporterRole.BYSTANDER.name().equals(form.reporterRole())) {
            errors.put(
                    "subjectOrAuthorised",
                    "Confirm that you are the person shown or act for them, or choose that you are reporting as"
                            + " someone else who has seen it.");
        }
        if (!form.declaresGoodFaithAndTrue()) {
            errors.put("goodFaithAndTrue", "Confirm that this report is true and made in good faith.");
        }
        String signature = form.signature() == null ? "" : form.signature().strip();
        // A report about a child needs no name (EU DSA Art. 16(2)(c)): nobody is kept from reporting
        // abuse of a child by having to identify themselves.
        if (signature.isEmpty() && !"yes".equals(form.subjectWasUnder18())) {
            errors.put("signature", "Type your full name as your signature.");
        } else if (signature.length() > NewReport.MAX_SIGNATURE) {
            errors.put(
                    "signature",
                    "Your signature is too long: keep it to " + NewReport.MAX_SIGNATURE
                            + " characters (your full name is enough).");
        }
        return errors;
    }

    @GetMapping("/protect")
    @AllowAnyone
    String protect(Model model, HttpServletResponse response) {
        StatusPages.noStore(response);
        model.addAttribute("support", Support.forRoute(Route.PROTECTION));
        return "intake/protect";
    }
}
