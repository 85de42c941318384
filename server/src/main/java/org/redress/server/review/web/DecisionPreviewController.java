package org.redress.server.review.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Role;
import org.redress.server.review.DecisionRequest;
import org.redress.server.review.NoViolationReason;
import org.redress.server.review.Outcome;
import org.redress.server.review.RemovalBasis;
import org.redress.server.review.Review;
import org.redress.server.review.ReviewCaseNotFoundException;
import org.redress.server.shared.DomainException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A moderator's own words never reach an uploader unread: a restricting decision with a statement
 * first shows the whole statement of reasons as the uploader will receive it, to send or to change.
 */
@Controller
class DecisionPreviewController {

    /** What the case page's decision form held, given back when the moderator chooses to change it. */
    record Draft(String outcome, String basis, String policy, String reasonCode, String statement) {}

    private final Review review;

    DecisionPreviewController(Review review) {
        this.review = review;
    }

    /** Whether the decision sends the moderator's free text to the uploader, so it is shown to them first. */
    static boolean needed(Outcome outcome, String statement) {
        return (outcome == Outcome.REMOVE || outcome == Outcome.REFER) && !statement.isBlank();
    }

    static String path(String id) {
        return "/review/cases/" + id + "/decision/preview";
    }

    @PostMapping("/review/cases/{id}/decision/preview")
    @Allow({Role.MODERATOR, Role.SENIOR_MODERATOR})
    String preview(
            @PathVariable String id,
            Authentication caller,
            Model model,
            RedirectAttributes redirect,
            @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String basis,
            @RequestParam(defaultValue = "") String policy,
            @RequestParam(defaultValue = "") String reasonCode,
            @RequestParam(defaultValue = "") String statement,
            @RequestParam(required = false) @Nullable Long expectedVersion) {
        var draft = new Draft(outcome, basis, policy, reasonCode, statement);
        Optional<Map<String, Object>> toUploader;
        try {
            Outcome chosen = Outcome.valueOf(outcome);
            toUploader = review.previewStatement(
                    Moderators.of(caller),
                    ReviewApiController.ref(id),
                    new DecisionRequest(
                            chosen,
                            parse(RemovalBasis.class, basis),
                            Optional.of(policy),
                            chosen == Outcome.NO_VIOLATION
                                    ? parse(NoViolationReason.class, reasonCode)
                                    : Optional.empty(),
                            Optional.of(statement),
                            Optional.ofNullable(expectedVersion)));
        } catch (ReviewCaseNotFoundException e) {
            throw e;
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.publicDetail());
            redirect.addFlashAttribute("draft", draft);
            return "redirect:/review/cases/" + id;
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "Choose a decision.");
            return "redirect:/review/cases/" + id;
        }
        model.addAttribute("caseId", id);
        model.addAttribute("draft", draft);
        model.addAttribute("expectedVersion", expectedVersion);
        model.addAttribute("fields", toUploader.map(CaseView::statement).orElse(List.of()));
        return "review/decision-preview";
    }

    @PostMapping("/review/cases/{id}/decision/draft")
    @Allow({Role.MODERATOR, Role.SENIOR_MODERATOR})
    String change(
            @PathVariable String id,
            RedirectAttributes redirect,
            @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String basis,
            @RequestParam(defaultValue = "") String policy,
            @RequestParam(defaultValue = "") String reasonCode,
            @RequestParam(defaultValue = "") String statement) {
        redirect.addFlashAttribute("draft", new Draft(outcome, basis, policy, reasonCode, statement));
        redirect.addFlashAttribute("notice", "Nothing was sent. Change the decision below.");
        return "redirect:/review/cases/" + id;
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        try {
            return value.isBlank() ? Optional.empty() : Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
