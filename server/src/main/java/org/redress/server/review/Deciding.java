package org.redress.server.review;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redress.server.enforcement.DeliveryId;
import org.redress.server.enforcement.Enforcement;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.intake.Intake;
import org.redress.server.intake.IntakeJurisdictions;
import org.redress.server.intake.Progress;
import org.redress.server.review.cases.ReviewCases;
import org.redress.server.review.decisions.StatementOfReasons;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Claims and decisions. The case guards its own transitions ({@link ReviewCase#claimedBy},
 * {@link ReviewCase#after}); this part adds the rules that need other records (who decided
 * before) and carries out what each decision sets in motion.
 */
@Component
class Deciding {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReviewCases cases;
    private final Identity identity;
    private final Intake intake;
    private final Enforcement enforcement;
    private final CaseMedia media;
    private final AppealDesk appeals;
    private final CaseLog log;
    private final ReviewSettings settings;
    private final ProvisionalCases provisional;

    private final IntakeJurisdictions jurisdictions;

    Deciding(
            ReviewCases cases,
            Identity identity,
            Intake intake,
            Enforcement enforcement,
            CaseMedia media,
            AppealDesk appeals,
            CaseLog log,
            ReviewSettings settings,
            ProvisionalCases provisional,
            IntakeJurisdictions jurisdictions) {
        this.provisional = provisional;
        this.jurisdictions = jurisdictions;
        this.cases = cases;
        this.identity = identity;
        this.intake = intake;
        this.enforcement = enforcement;
        this.media = media;
        this.appeals = appeals;
        this.log = log;
        this.settings = settings;
    }

    ReviewCase claim(Moderator moderator, ReviewCase reviewCase) {
        Instant now = log.now();
        boolean renewing = reviewCase.claimantAt(now).isPresent();
        ReviewCase claimed = reviewCase.claimedBy(moderator, now, settings.claimLease());
        requireDifferentModerator(moderator, reviewCase);
        if (!cases.update(claimed)) {
            throw new CaseClaimedException(reviewCase.ref().value());
        }
        log.step(reviewCase.ref(), moderator.actor(), renewing ? HistoryStep.CLAIM_RENEWED : HistoryStep.CLAIMED);
        log.audit(moderator.actor(), "case.claimed", reviewCase.ref());
        return claimed;
    }

    void release(Moderator moderator, ReviewCase reviewCase) {
        if (!reviewCase.claimantAt(log.now()).map(moderator.username()::equals).orElse(false)) {
            throw new NotClaimantException(reviewCase.ref().value());
        }
        log.save(reviewCase.withClaim(Optional.empty()));
        log.step(reviewCase.ref(), moderator.actor(), HistoryStep.RELEASED);
        log.audit(moderator.actor(), "case.released", reviewCase.ref());
    }

    void reassign(Moderator senior, ReviewCase reviewCase, String toUsername) {
        if (!senior.senior()) {
            throw new SeniorModeratorRequiredException(reviewCase.ref().value());
        }
        reviewCase.requireDecidable();
        if (!isActiveModerator(toUsername)) {
            throw new ReassignTargetInvalidException(reviewCase.ref().value());
        }
        log.save(
                reviewCase.withClaim(Optional.of(new Claim(toUsername, log.now().plus(settings.claimLease())))));
        log.step(reviewCase.ref(), senior.actor(), HistoryStep.REASSIGNED, Optional.of(toUsername));
        log.audit(senior.actor(), "case.reassigned", reviewCase.ref());
    }

    /** Only a person who can work the case may hold it: an enabled moderator or senior moderator. */
    private boolean isActiveModerator(String username) {
        try {
            return identity.findUser(Username.of(username))
                    .filter(user ->
                            user.enabled() && (user.role() == Role.MODERATOR || user.role() == Role.SENIOR_MODERATOR))
                    .isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    RecordedDecision decide(Moderator moderator, ReviewCase reviewCase, DecisionRequest request) {
        Instant now = log.now();
        CaseRef ref = reviewCase.ref();
        if (request.expectedVersion().isPresent() && request.expectedVersion().get() != reviewCase.version()) {
            throw new CaseChangedException(ref.value());
        }
        reviewCase.requireDecidableBy(moderator, now);
        requireDifferentModerator(moderator, reviewCase);
        Decision decision = request.decision();
        ReviewCase next = reviewCase.after(decision);
        if (decision instanceof Decision.LiftDeadline) {
            next = next.dueBy(reviewCase.receivedAt().plus(settings.illegalContentTarget()));
        }
        log.save(next);
        String decisionId = UUID.randomUUID().toString();
        Optional<String> statementOfReasons = Optional.empty();
        if (ProvisionalCases.decides(reviewCase)) {
            provisional.decided(moderator, reviewCase, decision);
        } else if (decision instanceof Decision.Restriction restriction) {
            statementOfReasons = Optional.of(requestRemovals(moderator, reviewCase, decisionId, restriction, now));
        } else if (decision instanceof Decision.OnAppeal onAppeal) {
            statementOfReasons = Optional.of(appeals.decided(moderator, reviewCase, onAppeal, decisionId));
        }
        var recorded = RecordedDecision.of(decisionId, ref, moderator.username(), decision, statementOfReasons, now);
        cases.insertDecision(recorded);
        log.step(
                ref,
                moderator.actor(),
                HistoryStep.decided(decision.outcome()),
                request.reason().map(Enum::name).or(() -> request.basis().map(Enum::name)));
        log.audit(moderator.actor(), "case.decided:" + decision.outcome().name().toLowerCase(Locale.ROOT), ref);
        switch (decision) {
            case Decision.Escalate e -> intake.recordProgress(ref, Progress.ESCALATED);
            case Decision.LiftDeadline l -> intake.recordProgress(ref, Progress.DEADLINE_LIFTED);
            case Decision.Remove r -> intake.recordProgress(ref, Progress.REMOVAL_DECIDED);
            case Decision.Refer r -> {
                cases.insertReferral(ref, settings.referralAgency(), moderator.username(), now);
                log.step(ref, moderator.actor(), HistoryStep.REFERRAL_RECORDED, Optional.of(settings.referralAgency()));
                intake.recordProgress(ref, Progress.REFERRED);
            }
            case Decision.NoViolation n -> {
                media.release(reviewCase);
                intake.recordProgress(ref, progressOf(n.reason()));
            }
            case Decision.OnAppeal a -> {}
        }
        return recorded;
    }

    private static Progress progressOf(NoViolationReason reason) {
        return switch (reason) {
            case NOT_INTIMATE_IMAGE_CONTENT -> Progress.NOT_INTIMATE_IMAGE_CONTENT;
            case REPORTER_NOT_SUBJECT_OR_AUTHORISED -> Progress.REPORTER_NOT_AUTHORISED;
            case CONTENT_NOT_FOUND -> Progress.CONTENT_NOT_FOUND;
        };
    }

    /**
     * A case reopened by a complaint after a no-violation decision goes to someone other than the
     * moderator who closed it, and an appeal to someone other than the moderator who took the
     * decision appealed against.
     */
    private void requireDifferentModerator(Moderator moderator, ReviewCase reviewCase) {
        if (reviewCase.origin() == Origin.APPEAL
                && appeals.appealedDecider(reviewCase)
                        .filter(moderator.username()::equals)
                        .isPresent()) {
            throw new DifferentModeratorRequiredException(reviewCase.ref().value());
        }
        if (reviewCase.state() == ReviewState.ESCALATED) {
            List<RecordedDecision> decisions = cases.decisions(reviewCase.ref());
            boolean closedBefore = !decisions.isEmpty() && decisions.getLast().outcome() == Outcome.NO_VIOLATION;
            if (closedBefore && decisions.getLast().decidedBy().equals(moderator.username())) {
                throw new DifferentModeratorRequiredException(reviewCase.ref().value());
            }
        }
    }

    /**
     * Queues one {@code content.remove} per content item, each with its statement of reasons;
     * returns the first statement as JSON for the record.
     */
    private String requestRemovals(
            Moderator moderator,
            ReviewCase reviewCase,
            String decisionId,
            Decision.Restriction restriction,
            Instant now) {
        @Nullable String first = null;
        for (CaseContent content : cases.contents(reviewCase.ref())) {
            if (content.removalDelivery().isPresent()) {
                continue;
            }
            Map<String, Object> body = statementFor(
                            reviewCase,
                            content,
                            decisionId,
                            restriction,
                            now,
                            appeals.linkFor(decisionId, reviewCase.ref(), content.contentId(), now))
                    .toMap();
            DeliveryId delivery = enforcement.requestRemoval(
                    moderator.actor(), reviewCase.ref(), new ContentId(content.contentId()), body);
            cases.markRemovalRequested(reviewCase.ref(), content.contentId(), delivery.value(), now);
            log.step(
                    reviewCase.ref(),
                    moderator.actor(),
                    HistoryStep.REMOVAL_REQUESTED,
                    Optional.of(content.contentId()));
            if (restriction instanceof Decision.Refer) {
                media.holdAsEvidence(reviewCase, content.contentId(), moderator);
            }
            if (first == null) {
                first = JSON.writeValueAsString(body);
            }
        }
        return first == null ? "{}" : first;
    }

    /**
     * The statement of reasons the uploader of the case's first content item would receive for this
     * restriction, built as {@link #decide} builds it but recording nothing: the moderator reads their
     * own words as the uploader will before they go (the appeal link is made when it is sent).
     */
    Optional<StatementOfReasons> preview(Moderator moderator, ReviewCase reviewCase, Decision decision) {
        reviewCase.requireDecidableBy(moderator, log.now());
        if (!(decision instanceof Decision.Restriction restriction) || ProvisionalCases.decides(reviewCase)) {
            return Optional.empty();
        }
        List<CaseContent> contents = cases.contents(reviewCase.ref());
        CaseContent content = contents.stream()
                .filter(c -> c.removalDelivery().isEmpty())
                .findFirst()
                .or(() -> contents.stream().findFirst())
                // Before the platform names the reported item, the statement names it by a placeholder.
                .orElse(new CaseContent(
                        "(the reported item)", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        return Optional.of(
                statementFor(reviewCase, content, "preview", restriction, log.now(), AppealLinks.PREVIEW_PLACEHOLDER));
    }

    private StatementOfReasons statementFor(
            ReviewCase reviewCase,
            CaseContent content,
            String decisionId,
            Decision.Restriction restriction,
            Instant now,
            String appealUrl) {
        int strikes =
                content.uploaderId().map(u -> cases.confirmedRemovals(u) + 1).orElse(0);
        return new StatementOfReasons(
                decisionId,
                reviewCase.ref().value(),
                content.contentId(),
                now,
                facts(reviewCase),
                reviewCase.origin() == Origin.MATCH,
                restriction.basis(),
                restriction.policy(),
                restriction.statement(),
                strikes,
                settings.suspendAfter(),
                appealUrl,
                settings.appealWindow(),
                jurisdictions.of(reviewCase.ref().value()));
    }

    private static String facts(ReviewCase reviewCase) {
        return switch (reviewCase.source()) {
            case REGULATOR ->
                "A regulator's notice identified the item as intimate image content shared without consent.";
            case TRUSTED_FLAGGER ->
                "A trusted flagger reported the item as intimate image content shared without consent.";
            case PERSON_DEPICTED ->
                "The person shown in the item, or someone acting for them, reported that it was shared "
                        + "without their consent.";
            case BYSTANDER -> "A user reported the item as intimate image content shared without consent.";
            case UPLOADER -> "The uploader appealed an earlier decision about the item.";
            case HASH_MATCH ->
                "The item matched the fingerprint of an image that was removed before or that the person shown "
                        + "asked to protect.";
        };
    }
}
