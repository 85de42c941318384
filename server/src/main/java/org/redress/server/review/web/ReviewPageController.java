package org.redress.server.review.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.redress.server.identity.Allow;
import org.redress.server.identity.Role;
import org.redress.server.intake.PoliceSharing;
import org.redress.server.matching.Matching;
import org.redress.server.media.MediaId;
import org.redress.server.review.CaseAnnex;
import org.redress.server.review.CaseFile;
import org.redress.server.review.DecisionRequest;
import org.redress.server.review.MediaPreference;
import org.redress.server.review.Moderator;
import org.redress.server.review.ModeratorQueue;
import org.redress.server.review.NoViolationReason;
import org.redress.server.review.Origin;
import org.redress.server.review.Outcome;
import org.redress.server.review.RecordedDecision;
import org.redress.server.review.RemovalBasis;
import org.redress.server.review.Review;
import org.redress.server.review.ReviewCase;
import org.redress.server.review.ReviewCaseNotFoundException;
import org.redress.server.review.ReviewState;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.DomainException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
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
 * The moderator's pages: the queue with countdowns, and the case page with the reports, matches,
 * history and media (a server-made blurred greyscale preview until the moderator reveals the
 * image, which is recorded), the claim and the decision form.
 */
@Controller
@Allow({Role.MODERATOR, Role.SENIOR_MODERATOR})
class ReviewPageController {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

    /** A row of the queue as the page shows it. */
    record Row(
            String ref,
            String severity,
            String origin,
            String source,
            String state,
            String deadline,
            long deadlineEpochMillis,
            String remaining,
            boolean atRisk,
            boolean breached,
            @Nullable String claimedBy) {}

    private final Review review;
    private final PoliceSharing policeSharing;
    private final ModeratorQueue queue;
    private final Matching matching;
    private final Clock clock;
    private final ObjectProvider<CaseAnnex> annexes;

    ReviewPageController(
            Review review,
            ModeratorQueue queue,
            Matching matching,
            Clock clock,
            PoliceSharing policeSharing,
            ObjectProvider<CaseAnnex> annexes) {
        this.annexes = annexes;
        this.review = review;
        this.policeSharing = policeSharing;
        this.queue = queue;
        this.matching = matching;
        this.clock = clock;
    }

    /** The queue as the caller may work it: counts, rows and badges leave out cases their role may not see. */
    @GetMapping("/review")
    String queue(
            Model model,
            @RequestParam(defaultValue = "OPEN") ReviewState state,
            @RequestParam(defaultValue = "false") boolean appeals,
            Authentication caller) {
        Instant now = clock.instant();
        Moderator moderator = Moderators.of(caller);
        var dashboard = review.dashboard();
        model.addAttribute("state", state);
        model.addAttribute("appeals", appeals);
        model.addAttribute("states", ReviewState.values());
        // The appeals tab lists appeal cases waiting for a senior moderator; the other tabs list every case.
        List<ReviewCase> openAppeals = queue.list(moderator, ReviewState.OPEN, 500).stream()
                .filter(c -> c.origin() == Origin.APPEAL)
                .toList();
        List<ReviewCase> listed = appeals ? openAppeals : queue.list(moderator, state, 200);
        model.addAttribute("appealCount", openAppeals.size());
        model.addAttribute("rows", listed.stream().map(c -> row(c, now)).toList());
        // Threats and sextortion are marked urgent (docs/report-reasons.md).
        model.addAttribute(
                "urgent",
                queue.reasons(listed).entrySet().stream()
                        .filter(e -> e.getValue().urgent())
                        .map(e -> e.getKey().value())
                        .collect(Collectors.toSet()));
        model.addAttribute("counts", queue.counts(moderator));
        model.addAttribute(
                "atRisk",
                dashboard.atRisk().stream()
                        .filter(c -> ModeratorQueue.maySee(moderator, c))
                        .count());
        model.addAttribute(
                "breached",
                dashboard.breached().stream()
                        .filter(c -> ModeratorQueue.maySee(moderator, c))
                        .count());
        return "review/queue";
    }

    /**
     * Counts per state and the cases at risk or past their deadline: case references only, no
     * content. An ordinary moderator's view leaves out the child-protection cases their role may not
     * open; senior moderators and compliance staff see every case.
     */
    @GetMapping("/review/dashboard")
    @Allow({Role.MODERATOR, Role.SENIOR_MODERATOR, Role.COMPLIANCE})
    String dashboard(Model model, Authentication caller) {
        Instant now = clock.instant();
        var dashboard = review.dashboard();
        Moderator moderator = Moderators.of(caller);
        boolean everything = moderator.senior()
                || caller.getAuthorities().stream()
                        .anyMatch(a -> Role.COMPLIANCE.authority().equals(a.getAuthority()));
        model.addAttribute("counts", everything ? dashboard.byState() : queue.counts(moderator));
        model.addAttribute("states", ReviewState.values());
        model.addAttribute(
                "atRisk",
                dashboard.atRisk().stream()
                        .filter(c -> everything || ModeratorQueue.maySee(moderator, c))
                        .map(c -> row(c, now))
                        .toList());
        model.addAttribute(
                "breached",
                dashboard.breached().stream()
                        .filter(c -> everything || ModeratorQueue.maySee(moderator, c))
                        .map(c -> row(c, now))
                        .toList());
        return "review/dashboard";
    }

    @GetMapping("/review/cases/{id}")
    String casePage(@PathVariable String id, Authentication caller, Model model) {
        CaseRef ref = ReviewApiController.ref(id);
        Moderator moderator = Moderators.of(caller);
        CaseFile file = review.caseFile(moderator, ref);
        Instant now = clock.instant();
        ReviewCase reviewCase = file.reviewCase();
        model.addAttribute("file", file);
        model.addAttribute("row", row(reviewCase, now));
        model.addAttribute(
                "offence",
                Optional.ofNullable(queue.reasons(List.of(reviewCase)).get(ref))
                        .map(CaseView::offence)
                        .orElse(null));
        model.addAttribute("claimant", reviewCase.claimantAt(now).orElse(null));
        model.addAttribute(
                "mine",
                reviewCase.claimantAt(now).map(moderator.username()::equals).orElse(false));
        model.addAttribute("decidable", reviewCase.state().decidable());
        model.addAttribute("mayWork", ModeratorQueue.mayWork(moderator, reviewCase));
        model.addAttribute("media", review.media(ref));
        model.addAttribute("preference", review.preference(moderator));
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("appeal", review.appealOfCase(ref).orElse(null));
        model.addAttribute("bases", RemovalBasis.values());
        model.addAttribute("reasons", NoViolationReason.values());
        model.addAttribute("when", WHEN);
        model.addAttribute(
                "history",
                file.history().stream().map(h -> CaseView.history(h, WHEN)).toList());
        model.addAttribute(
                "matches",
                file.matches().stream()
                        .map(m -> CaseView.match(m, matching, WHEN))
                        .toList());
        model.addAttribute(
                "statements",
                file.decisions().stream()
                        .collect(Collectors.toMap(RecordedDecision::id, CaseView::statement, (a, b) -> a)));
        model.addAttribute("threats", review.threats(ref));
        model.addAttribute("policeShares", policeSharing.requests(ref));
        model.addAttribute(
                "annexes",
                annexes.orderedStream().flatMap(a -> a.about(ref).stream()).toList());
        return "review/case";
    }

    @PostMapping("/review/cases/{id}/claim")
    String claim(@PathVariable String id, Authentication caller, RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () -> review.claim(Moderators.of(caller), ReviewApiController.ref(id)),
                "You claimed the case.");
    }

    @PostMapping("/review/cases/{id}/release")
    String release(@PathVariable String id, Authentication caller, RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () -> review.release(Moderators.of(caller), ReviewApiController.ref(id)),
                "You released the case to the queue.");
    }

    @PostMapping("/review/cases/{id}/decision")
    String decide(
            @PathVariable String id,
            Authentication caller,
            RedirectAttributes redirect,
            @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String basis,
            @RequestParam(defaultValue = "") String policy,
            @RequestParam(defaultValue = "") String reasonCode,
            @RequestParam(defaultValue = "") String statement,
            @RequestParam(required = false) @Nullable Long expectedVersion,
            @RequestParam(defaultValue = "false") boolean previewed) {
        Optional<Outcome> chosen = parse(Outcome.class, outcome);
        List<String> problems = DecisionForm.problems(chosen, basis, policy, reasonCode, statement);
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("errors", problems);
            return "redirect:/review/cases/" + id;
        }
        if (!previewed && DecisionPreviewController.needed(chosen.get(), statement)) {
            return "forward:" + DecisionPreviewController.path(id);
        }
        return act(
                id,
                redirect,
                () -> review.decide(
                        Moderators.of(caller),
                        ReviewApiController.ref(id),
                        new DecisionRequest(
                                chosen.get(),
                                chosen.get() == Outcome.REMOVE || chosen.get() == Outcome.REFER
                                        ? parse(RemovalBasis.class, basis)
                                        : Optional.empty(),
                                Optional.of(policy),
                                chosen.get() == Outcome.NO_VIOLATION
                                        ? parse(NoViolationReason.class, reasonCode)
                                        : Optional.empty(),
                                Optional.of(statement),
                                Optional.ofNullable(expectedVersion))),
                "Decision recorded: " + chosen.get().name().replace('_', ' ').toLowerCase(Locale.ROOT) + ".");
    }

    @GetMapping("/review/preferences")
    String preferences(Authentication caller, Model model) {
        model.addAttribute("preference", review.preference(Moderators.of(caller)));
        return "review/preferences";
    }

    @PostMapping("/review/preferences")
    String savePreferences(
            Authentication caller,
            @RequestParam(defaultValue = "false") boolean revealMedia,
            @RequestParam(defaultValue = "false") boolean greyscale,
            RedirectAttributes redirect) {
        review.savePreference(Moderators.of(caller), new MediaPreference(revealMedia, greyscale));
        redirect.addFlashAttribute("notice", "Saved.");
        return "redirect:/review/preferences";
    }

    @GetMapping("/review/cases/{id}/media/{mediaId}/preview")
    ResponseEntity<byte[]> preview(@PathVariable String id, @PathVariable String mediaId, Authentication caller) {
        byte[] png = review.preview(Moderators.of(caller), ReviewApiController.ref(id), mediaId(mediaId));
        return image(png, MediaType.IMAGE_PNG);
    }

    @GetMapping("/review/cases/{id}/media/{mediaId}")
    ResponseEntity<byte[]> reveal(@PathVariable String id, @PathVariable String mediaId, Authentication caller) {
        byte[] bytes = review.reveal(Moderators.of(caller), ReviewApiController.ref(id), mediaId(mediaId));
        return image(bytes, sniff(bytes));
    }

    private String act(String id, RedirectAttributes redirect, Runnable action, String notice) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ReviewCaseNotFoundException e) {
            throw e;
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.publicDetail());
        }
        return "redirect:/review/cases/" + id;
    }

    private static ResponseEntity<byte[]> image(byte[] bytes, MediaType type) {
        // The image is for this moderator's eyes only: never cached, never framed, never run as a document.
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .body(bytes);
    }

    /** The image type from its first bytes; anything unrecognised is served as opaque bytes. */
    static MediaType sniff(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8) {
            return MediaType.IMAGE_JPEG;
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return MediaType.IMAGE_PNG;
        }
        if (b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') {
            return MediaType.IMAGE_GIF;
        }
        if (b.length > 12
                && b[0] == 'R'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == 'F'
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') {
            return MediaType.parseMediaType("image/webp");
        }
        if (b.length > 2 && b[0] == 'B' && b[1] == 'M') {
            return MediaType.parseMediaType("image/bmp");
        }
        return MediaType.APPLICATION_OCTET_STREAM;
    }

    private static MediaId mediaId(String value) {
        try {
            return new MediaId(value);
        } catch (IllegalArgumentException e) {
            throw new ReviewCaseNotFoundException();
        }
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        try {
            return value.isBlank() ? Optional.empty() : Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Row row(ReviewCase c, Instant now) {
        Duration left = c.remainingAt(now);
        boolean breached = c.breachedAt(now);
        boolean atRisk = !breached && c.state().clockRunning() && left.compareTo(Duration.ofHours(12)) <= 0;
        return new Row(
                c.ref().value(),
                label(c.severity().name()),
                label(c.origin().name()),
                label(c.source().name()),
                label(c.state().name()),
                WHEN.format(c.deadline()),
                c.deadline().toEpochMilli(),
                remaining(left, c.state().clockRunning()),
                atRisk,
                breached,
                c.claimantAt(now).orElse(null));
    }

    private static String label(String name) {
        String spaced = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    static String remaining(Duration left, boolean running) {
        if (!running) {
            return "clock stopped";
        }
        long minutes = Math.abs(left.toMinutes());
        String text = minutes / 60 + "h " + minutes % 60 + "m";
        return left.isNegative() ? text + " overdue" : text + " left";
    }
}
