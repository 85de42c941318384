package org.redress.server.review.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Role;
import org.redress.server.intake.ComplaintOutcome;
import org.redress.server.review.ComplaintDesk;
import org.redress.server.review.ComplaintFile;
import org.redress.server.review.ComplaintNotFoundException;
import org.redress.server.review.ReviewComplaint;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.DomainException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The complaints queue with its clocks, and each complaint's page with the claim and the answer form. */
@Controller
@Allow({Role.MODERATOR, Role.SENIOR_MODERATOR})
class ComplaintPageController {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

    /** A complaint as the queue shows it. */
    record Row(
            String id,
            String type,
            String complainant,
            @Nullable String caseRef,
            boolean expedited,
            String received,
            String due,
            long dueEpochMillis,
            String remaining,
            boolean overdue,
            boolean answered,
            @Nullable String owner,
            @Nullable String outcome) {

        static Row of(ReviewComplaint c, Instant now) {
            return new Row(
                    c.id(),
                    label(c.type().name()),
                    label(c.complainant().name()),
                    c.caseRef().map(CaseRef::value).orElse(null),
                    c.expedited(),
                    WHEN.format(c.receivedAt()),
                    WHEN.format(c.dueAt()),
                    c.dueAt().toEpochMilli(),
                    ReviewPageController.remaining(c.remainingAt(now), !c.answered()),
                    c.overdueAt(now),
                    c.answered(),
                    c.owner().orElse(null),
                    c.answer().map(a -> label(a.outcome().name())).orElse(null));
        }
    }

    private final ComplaintDesk desk;

    ComplaintPageController(ComplaintDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/review/complaints")
    String queue(Model model) {
        Instant now = desk.now();
        var rows = desk.queue().stream().map(c -> Row.of(c, now)).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("overdue", rows.stream().filter(Row::overdue).count());
        return "review/complaints";
    }

    @GetMapping("/review/complaints/{id}")
    String complaint(@PathVariable String id, Model model, Authentication caller) {
        ComplaintFile file = desk.file(id);
        ReviewComplaint complaint = file.complaint();
        String me = caller.getName();
        model.addAttribute("file", file);
        model.addAttribute("row", Row.of(complaint, desk.now()));
        model.addAttribute("mine", complaint.owner().filter(me::equals).isPresent());
        model.addAttribute("decider", file.deciders().contains(me));
        model.addAttribute("outcomes", ComplaintOutcome.values());
        model.addAttribute(
                "reply", complaint.answer().map(ReviewComplaint.Answer::reply).orElse(null));
        return "review/complaint";
    }

    @PostMapping("/review/complaints/{id}/claim")
    String claim(@PathVariable String id, Authentication caller, RedirectAttributes redirect) {
        return act(id, redirect, () -> desk.claim(Moderators.of(caller), id), "You own this complaint now.");
    }

    @PostMapping("/review/complaints/{id}/answer")
    String answer(
            @PathVariable String id,
            @RequestParam(name = "outcome", required = false) @Nullable ComplaintOutcome outcome,
            @RequestParam(name = "reply", required = false) @Nullable String reply,
            Authentication caller,
            RedirectAttributes redirect) {
        String text = reply == null ? "" : reply.strip();
        if (outcome == null || text.isEmpty() || text.length() > ReviewComplaint.Answer.MAX_REPLY) {
            redirect.addFlashAttribute(
                    "error",
                    "Choose an outcome and write a reply of 1 to " + ReviewComplaint.Answer.MAX_REPLY + " characters.");
            redirect.addFlashAttribute("draft", text);
            return "redirect:/review/complaints/" + id;
        }
        return act(
                id,
                redirect,
                () -> desk.answer(Moderators.of(caller), id, outcome, text),
                "The answer was sent to the complainant.");
    }

    private String act(String id, RedirectAttributes redirect, Runnable action, String notice) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ComplaintNotFoundException e) {
            throw e;
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.publicDetail());
        }
        return "redirect:/review/complaints/" + id;
    }

    private static String label(String name) {
        String spaced = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
