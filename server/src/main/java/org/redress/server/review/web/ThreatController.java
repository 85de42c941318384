package org.redress.server.review.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Role;
import org.redress.server.review.Review;
import org.redress.server.review.ReviewCaseNotFoundException;
import org.redress.server.review.ThreatReferral;
import org.redress.server.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Marking a case as a threat to life or safety, from the API and from the case page. */
@Controller
class ThreatController {

    record ThreatBody(@NotNull String reason) {}

    /** A referral as staff see it; the reason is the moderator's own words. */
    record ThreatView(
            String id,
            String caseRef,
            String markedBy,
            Instant markedAt,
            String reason,
            @Nullable String contact,
            Instant dueAt,
            @Nullable Instant notifiedAt,
            String state) {

        static ThreatView of(ThreatReferral r) {
            return new ThreatView(
                    r.id(),
                    r.caseRef().value(),
                    r.markedBy(),
                    r.markedAt(),
                    r.reason(),
                    r.contact().orElse(null),
                    r.dueAt(),
                    r.notifiedAt().orElse(null),
                    r.state());
        }
    }

    private final Review review;

    ThreatController(Review review) {
        this.review = review;
    }

    @PostMapping("/api/v1/cases/{id}/threat")
    @Allow({Role.MODERATOR, Role.SENIOR_MODERATOR})
    @ResponseStatus(HttpStatus.CREATED)
    @ResponseBody
    ThreatView mark(@PathVariable String id, @Valid @RequestBody ThreatBody body, Authentication caller) {
        return ThreatView.of(review.markThreat(Moderators.of(caller), ReviewApiController.ref(id), body.reason()));
    }

    @GetMapping("/api/v1/cases/{id}/threats")
    @Allow({Role.MODERATOR, Role.SENIOR_MODERATOR, Role.COMPLIANCE})
    @ResponseBody
    List<ThreatView> list(@PathVariable String id) {
        return review.threats(ReviewApiController.ref(id)).stream()
                .map(ThreatView::of)
                .toList();
    }

    @PostMapping("/review/cases/{id}/threat")
    @Allow({Role.MODERATOR, Role.SENIOR_MODERATOR})
    String markFromPage(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String reason,
            Authentication caller,
            RedirectAttributes redirect) {
        try {
            ThreatReferral referral = review.markThreat(Moderators.of(caller), ReviewApiController.ref(id), reason);
            redirect.addFlashAttribute(
                    "notice",
                    referral.contact().isPresent()
                            ? "Marked as a threat to life or safety. The law-enforcement contact is being told now."
                            : "Marked as a threat to life or safety. No law-enforcement contact is configured: "
                                    + "call the police yourself and tell your administrator.");
        } catch (ReviewCaseNotFoundException e) {
            throw e;
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.publicDetail());
        }
        return "redirect:/review/cases/" + id;
    }
}
