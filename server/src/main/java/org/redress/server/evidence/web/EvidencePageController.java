package org.redress.server.evidence.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.redress.server.evidence.CustodyStep;
import org.redress.server.evidence.LawEnforcementRequest;
import org.redress.server.evidence.LawEnforcementRequests;
import org.redress.server.evidence.NewRequest;
import org.redress.server.evidence.RequestState;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Role;
import org.redress.server.shared.DomainException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The law-enforcement request pages for compliance staff: the list with the form that records a
 * request, and each request's page with its chain of custody and the forms that decide it, export
 * its bundle and record its hand-over. Server-rendered forms, with the CSRF token Spring adds.
 */
@Controller
@Allow(Role.COMPLIANCE)
class EvidencePageController {

    private static final String REQUESTS = "/evidence/requests";

    private final LawEnforcementRequests requests;

    EvidencePageController(LawEnforcementRequests requests) {
        this.requests = requests;
    }

    @GetMapping(REQUESTS)
    String list(Model model) {
        model.addAttribute("requests", requests.list());
        return "evidence/requests";
    }

    @PostMapping(REQUESTS)
    String record(
            @RequestParam(name = "agency", required = false) @Nullable String agency,
            @RequestParam(name = "officer", required = false) @Nullable String officer,
            @RequestParam(name = "crimeReference", required = false) @Nullable String crimeReference,
            @RequestParam(name = "legalBasis", required = false) @Nullable String legalBasis,
            @RequestParam(name = "deadline", required = false) @Nullable String deadline,
            @RequestParam(name = "scope", required = false) @Nullable String scope,
            Authentication caller,
            RedirectAttributes redirect) {
        List<String> cases = scope == null
                ? List.of()
                : Arrays.stream(scope.split("[\\s,]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
        try {
            var recorded = requests.record(
                    Callers.actorOf(caller),
                    new NewRequest(agency, officer, crimeReference, legalBasis, endOf(deadline), cases, null));
            redirect.addFlashAttribute("notice", "Recorded. Another compliance officer approves or refuses it.");
            return "redirect:" + REQUESTS + "/" + recorded.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.publicDetail());
            return "redirect:" + REQUESTS;
        }
    }

    @GetMapping(REQUESTS + "/{id}")
    String request(@PathVariable String id, Model model, Authentication caller) {
        LawEnforcementRequest request = requests.find(id);
        model.addAttribute("request", request);
        model.addAttribute("recordedByMe", request.recordedBy().equals("STAFF:" + caller.getName()));
        model.addAttribute("awaiting", request.state() == RequestState.AWAITING_DECISION);
        model.addAttribute(
                "exportable", request.state() == RequestState.APPROVED || request.state() == RequestState.HANDED_OVER);
        model.addAttribute(
                "exports",
                request.steps().stream()
                        .filter(s -> s.kind() == CustodyStep.Kind.EXPORTED)
                        .map(s -> s.manifestSha256().orElse(""))
                        .toList());
        return "evidence/request";
    }

    @PostMapping(REQUESTS + "/{id}/approval")
    String approve(
            @PathVariable String id,
            @RequestParam(name = "reason", required = false) @Nullable String reason,
            Authentication caller,
            RedirectAttributes redirect) {
        return act(id, redirect, "Approved.", () -> requests.approve(Callers.actorOf(caller), id, orEmpty(reason)));
    }

    @PostMapping(REQUESTS + "/{id}/refusal")
    String refuse(
            @PathVariable String id,
            @RequestParam(name = "reason", required = false) @Nullable String reason,
            Authentication caller,
            RedirectAttributes redirect) {
        return act(id, redirect, "Refused.", () -> requests.refuse(Callers.actorOf(caller), id, orEmpty(reason)));
    }

    /** The bundle itself as a download; the export joins the request's chain of custody. */
    @PostMapping(REQUESTS + "/{id}/bundle")
    ResponseEntity<byte[]> export(@PathVariable String id, Authentication caller) {
        return EvidenceApiController.zip(requests.export(Callers.actorOf(caller), id));
    }

    @PostMapping(REQUESTS + "/{id}/hand-over")
    String handOver(
            @PathVariable String id,
            @RequestParam(name = "manifestSha256", required = false) @Nullable String manifest,
            @RequestParam(name = "how", required = false) @Nullable String how,
            @RequestParam(name = "note", required = false) @Nullable String note,
            Authentication caller,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "The hand-over is in the chain of custody.",
                () -> requests.handOver(Callers.actorOf(caller), id, manifest, "COLLECTED".equals(how), note));
    }

    private String act(String id, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.publicDetail());
        }
        return "redirect:" + REQUESTS + "/" + id;
    }

    /** A date typed on a page means the end of that day, UTC; null when missing or not a date. */
    static @Nullable Instant endOf(@Nullable String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip())
                    .plusDays(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
