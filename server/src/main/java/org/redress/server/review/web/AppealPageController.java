package org.redress.server.review.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.AllowAnyone;
import org.redress.server.review.Appeal;
import org.redress.server.review.AppealAlreadyFiledException;
import org.redress.server.review.AppealPage;
import org.redress.server.review.AppealWindowClosedException;
import org.redress.server.review.NoAppealableDecisionException;
import org.redress.server.review.Review;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The hosted appeal page that every statement of reasons links to: the link's token opens the
 * restriction of one content item, and its uploader appeals it in their own words. The page names
 * no reporter and no moderator.
 */
@Controller
class AppealPageController {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

    private final Review review;

    AppealPageController(Review review) {
        this.review = review;
    }

    @GetMapping("/appeal")
    @AllowAnyone
    String page(
            @RequestParam(name = "t", required = false) @Nullable String token,
            Model model,
            HttpServletResponse response) {
        return show(token == null ? "" : token, model, response, null);
    }

    @PostMapping("/appeal")
    @AllowAnyone
    String appeal(
            @RequestParam(name = "t", required = false) @Nullable String token,
            @RequestParam(name = "text", required = false) @Nullable String text,
            Model model,
            HttpServletResponse response) {
        String key = token == null ? "" : token;
        String appeal = text == null ? "" : text.strip();
        if (appeal.isEmpty() || appeal.length() > Appeal.MAX_TEXT) {
            String view = show(key, model, response, null);
            if (response.getStatus() == HttpStatus.OK.value()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("appealText", appeal);
                model.addAttribute(
                        "textError",
                        appeal.isEmpty()
                                ? "Write why you think the decision is wrong."
                                : "Keep your appeal under " + Appeal.MAX_TEXT + " characters.");
            }
            return view;
        }
        try {
            review.appealByLink(key, appeal);
            return show(key, model, response, "Your appeal is received. A senior moderator will decide it.");
        } catch (NoAppealableDecisionException e) {
            return show(key, model, response, null);
        } catch (AppealAlreadyFiledException e) {
            String view = show(key, model, response, null);
            response.setStatus(HttpStatus.CONFLICT.value());
            return view;
        } catch (AppealWindowClosedException e) {
            String view = show(key, model, response, null);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return view;
        }
    }

    private String show(String token, Model model, HttpServletResponse response, @Nullable String notice) {
        response.setHeader("Cache-Control", "no-store");
        Optional<AppealPage> page = review.appealPage(token);
        if (page.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "review/appeal-not-found";
        }
        AppealPage shown = page.get();
        model.addAttribute("token", token);
        model.addAttribute("contentId", shown.contentId());
        model.addAttribute("decidedAt", WHEN.format(shown.decidedAt()));
        model.addAttribute("appealUntil", WHEN.format(shown.appealUntil()));
        model.addAttribute("windowOpen", shown.windowOpen());
        shown.filed().ifPresent(receipt -> {
            model.addAttribute("appealRef", receipt.appealRef().value());
            model.addAttribute("receivedAt", WHEN.format(receipt.receivedAt()));
            model.addAttribute("decideBy", WHEN.format(receipt.deadline()));
        });
        if (notice != null) {
            model.addAttribute("notice", notice);
        }
        return "review/appeal";
    }
}
