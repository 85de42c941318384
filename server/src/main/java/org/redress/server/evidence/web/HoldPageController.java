package org.redress.server.evidence.web;

import org.jspecify.annotations.Nullable;
import org.redress.server.evidence.Evidence;
import org.redress.server.evidence.EvidenceHoldInvalidException;
import org.redress.server.evidence.LegalHolds;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Callers;
import org.redress.server.identity.Role;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.DomainException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The legal holds page: every hold on a case or a content item, and the forms that place and lift them. */
@Controller
@Allow(Role.COMPLIANCE)
class HoldPageController {

    private static final String HOLDS = "/evidence/holds";

    private final Evidence evidence;
    private final LegalHolds holds;

    HoldPageController(Evidence evidence, LegalHolds holds) {
        this.evidence = evidence;
        this.holds = holds;
    }

    @GetMapping(HOLDS)
    String page(Model model) {
        model.addAttribute("caseHolds", holds.caseHolds());
        model.addAttribute("contentHolds", holds.contentHolds());
        return "evidence/holds";
    }

    @PostMapping(HOLDS + "/cases")
    String holdCase(
            @RequestParam(name = "caseRef", required = false) @Nullable String caseRef,
            @RequestParam(name = "reason", required = false) @Nullable String reason,
            @RequestParam(name = "until", required = false) @Nullable String until,
            Authentication caller,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "The case is held.",
                () -> evidence.hold(Callers.actorOf(caller), ref(caseRef), reason == null ? "" : reason, until(until)));
    }

    @PostMapping(HOLDS + "/cases/release")
    String releaseCase(
            @RequestParam(name = "caseRef", required = false) @Nullable String caseRef,
            Authentication caller,
            RedirectAttributes redirect) {
        return act(
                redirect, "The case's hold is lifted.", () -> evidence.release(Callers.actorOf(caller), ref(caseRef)));
    }

    @PostMapping(HOLDS + "/content")
    String holdContent(
            @RequestParam(name = "contentId", required = false) @Nullable String contentId,
            @RequestParam(name = "reason", required = false) @Nullable String reason,
            @RequestParam(name = "until", required = false) @Nullable String until,
            Authentication caller,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "The content item is held.",
                () -> holds.holdContent(Callers.actorOf(caller), contentId, reason, until(until)));
    }

    @PostMapping(HOLDS + "/content/release")
    String releaseContent(
            @RequestParam(name = "contentId", required = false) @Nullable String contentId,
            Authentication caller,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "The content item's hold is lifted.",
                () -> holds.releaseContent(Callers.actorOf(caller), contentId));
    }

    private static String act(RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.publicDetail());
        }
        return "redirect:" + HOLDS;
    }

    private static java.time.@Nullable Instant until(@Nullable String date) {
        if (date != null && !date.isBlank() && EvidencePageController.endOf(date) == null) {
            throw new EvidenceHoldInvalidException("Give the end as a date, such as 2027-01-31.");
        }
        return EvidencePageController.endOf(date);
    }

    private static CaseRef ref(@Nullable String caseRef) {
        try {
            return new CaseRef(caseRef == null ? "" : caseRef.strip());
        } catch (IllegalArgumentException e) {
            throw new EvidenceHoldInvalidException("Give the case reference, such as RD-ABCD-EFGH-JKLM.");
        }
    }
}
