package org.redress.server.intake.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.AllowAnyone;
import org.redress.server.identity.PublicForm;
import org.redress.server.identity.PublicForms;
import org.redress.server.intake.CaseEndedException;
import org.redress.server.intake.CaseNotFoundException;
import org.redress.server.intake.CaseStatus;
import org.redress.server.intake.Complaint;
import org.redress.server.intake.ComplaintType;
import org.redress.server.intake.Intake;
import org.redress.server.intake.PoliceShareRequest;
import org.redress.server.intake.PoliceSharing;
import org.redress.server.intake.ReportWithdrawnAlreadyException;
import org.redress.server.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Each reporter's status page: where the case stands, its history, and the actions that can still
 * change something (complain, stop messages, withdraw after a confirmation). Actions answer with a
 * redirect to the page (post/redirect/get), so reloading it repeats nothing. The forms need no
 * session ({@link PublicForm}); one whose token went stale is shown again with what was typed.
 */
@Controller
class StatusPageController {

    /** What an action did, by the code its redirect carries, for the notice on the page. */
    private static final Map<String, String> DONE = Map.of(
            "withdrawn",
            "Your report is withdrawn.",
            "ended",
            "This case has ended, so there is nothing left to withdraw.",
            "messages-stopped",
            "We will not send you any more messages about this case.",
            "complained",
            "Your complaint is recorded. Below is when we will answer it at the latest.",
            "police-share",
            "We recorded that you want your case shared with the police. When they ask us for it, we give them "
                    + "your report and what we did, with your crime reference.");

    private static final String STALE_ACTION = "We have not done that yet: the page was open for a long time, or "
            + "was opened again from an old copy. Nothing is lost. Please choose again.";

    private final Intake intake;
    private final PoliceSharing sharing;
    private final PublicForms forms;
    private final StatusPages pages;

    StatusPageController(Intake intake, PoliceSharing sharing, PublicForms forms, StatusPages pages) {
        this.intake = intake;
        this.sharing = sharing;
        this.forms = forms;
        this.pages = pages;
    }

    @ModelAttribute("formToken")
    String formToken() {
        return forms.issue();
    }

    @GetMapping("/status/{caseRef}")
    @AllowAnyone
    String status(
            @PathVariable String caseRef,
            @RequestParam(name = "t", required = false) @Nullable String token,
            @RequestParam(name = "done", required = false) @Nullable String done,
            Model model,
            HttpServletResponse response) {
        String page = show(caseRef, token, model, response);
        model.addAttribute("notice", done == null ? null : DONE.get(done));
        return page;
    }

    @PostMapping("/status/{caseRef}/withdraw")
    @AllowAnyone
    @PublicForm
    String withdraw(
            @PathVariable String caseRef,
            @RequestParam(name = "t", required = false) @Nullable String token,
            @RequestParam(name = "confirm", required = false) @Nullable String confirm,
            @RequestParam(name = PublicForms.FIELD, required = false) @Nullable String formToken,
            Model model,
            HttpServletResponse response) {
        if (!forms.valid(formToken)) {
            return stale(caseRef, token, model, response, null);
        }
        if (!"yes".equals(confirm)) {
            // Withdrawing cannot be undone: the first press only asks.
            String page = show(caseRef, token, model, response);
            model.addAttribute("confirmWithdraw", true);
            return page;
        }
        String done;
        try {
            intake.withdraw(new Actor.Public(), caseRef, orEmpty(token));
            done = "withdrawn";
        } catch (ReportWithdrawnAlreadyException e) {
            done = "withdrawn";
        } catch (CaseEndedException e) {
            done = "ended";
        } catch (CaseNotFoundException e) {
            return notFound(response);
        }
        return redirect(caseRef, token, done);
    }

    @PostMapping("/status/{caseRef}/stop-messages")
    @AllowAnyone
    @PublicForm
    String stopMessages(
            @PathVariable String caseRef,
            @RequestParam(name = "t", required = false) @Nullable String token,
            @RequestParam(name = PublicForms.FIELD, required = false) @Nullable String formToken,
            Model model,
            HttpServletResponse response) {
        if (!forms.valid(formToken)) {
            return stale(caseRef, token, model, response, null);
        }
        try {
            intake.stopMessages(new Actor.Public(), caseRef, orEmpty(token));
        } catch (CaseNotFoundException e) {
            return notFound(response);
        }
        return redirect(caseRef, token, "messages-stopped");
    }

    @PostMapping("/status/{caseRef}/complain")
    @AllowAnyone
    @PublicForm
    String complain(
            @PathVariable String caseRef,
            @RequestParam(name = "t", required = false) @Nullable String token,
            @RequestParam(name = "text", required = false) @Nullable String text,
            @RequestParam(name = "type", required = false) @Nullable String type,
            @RequestParam(name = PublicForms.FIELD, required = false) @Nullable String formToken,
            Model model,
            HttpServletResponse response) {
        String complaint = text == null ? "" : text.strip();
        if (!forms.valid(formToken)) {
            return stale(caseRef, token, model, response, complaint);
        }
        if (complaint.isEmpty() || complaint.length() > Complaint.MAX_TEXT) {
            String page = show(caseRef, token, model, response);
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
        try {
            intake.complain(new Actor.Public(), caseRef, orEmpty(token), reporterType(type), complaint);
        } catch (CaseNotFoundException e) {
            return notFound(response);
        }
        return redirect(caseRef, token, "complained");
    }

    @PostMapping("/status/{caseRef}/police-share")
    @AllowAnyone
    @PublicForm
    String sharePolice(
            @PathVariable String caseRef,
            @RequestParam(name = "t", required = false) @Nullable String token,
            @RequestParam(name = "crimeReference", required = false) @Nullable String crimeReference,
            @RequestParam(name = PublicForms.FIELD, required = false) @Nullable String formToken,
            Model model,
            HttpServletResponse response) {
        if (!forms.valid(formToken)) {
            return stale(caseRef, token, model, response, null);
        }
        try {
            sharing.ask(new Actor.Public(), caseRef, orEmpty(token), Optional.ofNullable(crimeReference));
        } catch (CaseNotFoundException e) {
            return notFound(response);
        } catch (IllegalArgumentException e) {
            String page = show(caseRef, token, model, response);
            if (response.getStatus() != HttpStatus.NOT_FOUND.value()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("crimeReference", crimeReference);
                model.addAttribute(
                        "policeShareError",
                        "Give the crime reference on one line, in at most " + PoliceShareRequest.MAX_CRIME_REFERENCE
                                + " characters.");
            }
            return page;
        }
        return redirect(caseRef, token, "police-share");
    }

    /** The type the reporter chose; none (or one that is not theirs to choose) leaves it to the case. */
    private static Optional<ComplaintType> reporterType(@Nullable String type) {
        return Arrays.stream(ComplaintType.values())
                .filter(ComplaintType::fromReporters)
                .filter(t -> t.name().equals(type))
                .findFirst();
    }

    private String stale(
            String caseRef,
            @Nullable String token,
            Model model,
            HttpServletResponse response,
            @Nullable String complaintText) {
        String page = show(caseRef, token, model, response);
        if (response.getStatus() != HttpStatus.NOT_FOUND.value()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("formProblem", STALE_ACTION);
            model.addAttribute("complaintText", complaintText);
        }
        return page;
    }

    private String show(String caseRef, @Nullable String token, Model model, HttpServletResponse response) {
        StatusPages.noStore(response);
        CaseStatus status;
        try {
            status = intake.status(caseRef, orEmpty(token));
        } catch (CaseNotFoundException e) {
            return notFound(response);
        }
        pages.describe(status, orEmpty(token), model);
        return "intake/status";
    }

    private static String notFound(HttpServletResponse response) {
        StatusPages.noStore(response);
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "intake/status-not-found";
    }

    private static String redirect(String caseRef, @Nullable String token, String done) {
        return "redirect:"
                + UriComponentsBuilder.fromPath("/status/{ref}")
                        .queryParam("t", orEmpty(token))
                        .queryParam("done", done)
                        .encode()
                        .buildAndExpand(caseRef)
                        .toUriString();
    }

    private static String orEmpty(@Nullable String token) {
        return token == null ? "" : token;
    }
}
