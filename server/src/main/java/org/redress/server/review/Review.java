package org.redress.server.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.redress.server.enforcement.DeliveryId;
import org.redress.server.enforcement.Enforcement;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.intake.CaseRefs;
import org.redress.server.intake.Intake;
import org.redress.server.intake.Progress;
import org.redress.server.intake.ReportReceived;
import org.redress.server.matching.EntryHeld;
import org.redress.server.matching.MatchFound;
import org.redress.server.matching.Matching;
import org.redress.server.matching.RegisteredUpload;
import org.redress.server.matching.Verdict;
import org.redress.server.media.Media;
import org.redress.server.media.MediaId;
import org.redress.server.media.StoredMedia;
import org.redress.server.review.cases.ReviewCases;
import org.redress.server.review.decisions.StatementOfReasons;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.UploaderId;
import org.redress.server.storage.SqlDialect;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review queue and its decisions. Cases come from intake's reports and matching's matches;
 * moderators claim them with a lease and decide from a closed set; a removal goes to the platform
 * as a signed webhook and the clock stops only at the platform's acknowledgement, after which the
 * content's hashes are banked. Every change is audited and recorded in the case's history in the
 * same transaction.
 */
@Service
public class Review {

    static final Actor SYSTEM = new Actor.Operator("review");

    /** The prefix of cases opened by matches, so they never look like a report's {@code RD-} reference. */
    static final String MATCH_CASES = "RM";

    private final ReviewCases cases;
    private final Identity identity;
    private final Intake intake;
    private final Matching matching;
    private final Enforcement enforcement;
    private final Media media;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReviewSettings settings;
    private final ProvisionalCases provisional;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    Review(
            ReviewCases cases,
            Intake intake,
            Matching matching,
            Enforcement enforcement,
            Media media,
            Identity identity,
            ApplicationEventPublisher events,
            Clock clock,
            ReviewSettings settings,
            ProvisionalCases provisional) {
        this.provisional = provisional;
        this.cases = cases;
        this.identity = identity;
        this.intake = intake;
        this.matching = matching;
        this.enforcement = enforcement;
        this.media = media;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    // ---- Cases from intake and matching (inside their transactions) ----

    /** Opens the case of a new report, or lets the report join its case (reopening one closed as no violation). */
    @Transactional
    public void reportReceived(ReportReceived report) {
        Severity severity = report.subjectWasUnder18() ? Severity.CHILD_SEXUAL_ABUSE : Severity.INTIMATE_IMAGE_ABUSE;
        Source source = Source.of(report.channel(), report.reporterRole());
        Optional<ReviewCase> existing = cases.find(report.caseRef());
        ReviewCase reviewCase;
        if (existing.isEmpty()) {
            reviewCase = ReviewCase.opened(
                    report.caseRef(),
                    Origin.REPORT,
                    Optional.empty(),
                    severity,
                    source,
                    report.receivedAt(),
                    report.removalDeadline());
            cases.insert(reviewCase);
            history(reviewCase.ref(), SYSTEM, "OPENED", Optional.of(source.name()));
            events.publishEvent(new ReviewChanged(SYSTEM, "case.opened", reviewCase.ref()));
        } else {
            ReviewCase before = existing.get();
            reviewCase = before.state() == ReviewState.NO_VIOLATION || before.state() == ReviewState.WITHDRAWN
                    ? before.reopened(report.receivedAt(), report.removalDeadline())
                            .joinedBy(severity, source, report.removalDeadline())
                    : before.joinedBy(severity, source, report.removalDeadline());
            save(reviewCase);
            history(
                    reviewCase.ref(),
                    SYSTEM,
                    before.state() == reviewCase.state() ? "REPORT_JOINED" : "REOPENED",
                    Optional.of(source.name()));
            events.publishEvent(new ReviewChanged(SYSTEM, "case.report-joined", reviewCase.ref()));
        }
        for (var locator : report.contentLocators()) {
            String contentId = locator.value();
            cases.addContent(
                    reviewCase.ref(),
                    contentId,
                    matching.registered(new ContentId(contentId))
                            .map(RegisteredUpload::uploaderId)
                            .map(UploaderId::value));
            holdMedia(contentId, reviewCase.ref());
            if (settings.hideOnReport() && existing.isEmpty()) {
                DeliveryId hide = enforcement.requestHide(SYSTEM, reviewCase.ref(), new ContentId(contentId));
                history(reviewCase.ref(), SYSTEM, "HIDE_REQUESTED", Optional.of(hide.value()));
            }
        }
    }

    /** Every report of the case was withdrawn: a case still waiting for a decision closes. */
    @Transactional
    public void reportsWithdrawn(CaseRef ref) {
        cases.find(ref).filter(c -> c.state().decidable()).ifPresent(c -> {
            save(c.withState(ReviewState.WITHDRAWN));
            releaseMedia(c);
            history(ref, SYSTEM, "WITHDRAWN", Optional.empty());
            events.publishEvent(new ReviewChanged(SYSTEM, "case.withdrawn", ref));
        });
    }

    /**
     * A match at upload or in a retroactive scan. A BLOCK at upload needs no review (the upload was
     * refused); anything else joins the case that already covers the content or opens a case,
     * linked to the case whose hash found it. A copy of reported content keeps that report's
     * deadline while it is still ahead.
     */
    @Transactional
    public void matchFound(MatchFound match) {
        if (match.provisional()) {
            provisional.matched(match);
            return;
        }
        // Content that its check blocked never went online: a later hit is in the audit log, and
        // there is nothing to remove against a deadline.
        if ((match.verdict() == Verdict.BLOCK && !match.retroactive()) || !match.published()) {
            return;
        }
        var found = new CaseMatch(
                match.contentId().value(),
                match.bank().value(),
                match.entryId(),
                match.distance(),
                match.retroactive(),
                match.foundAt());
        Optional<CaseRef> covering = cases.caseOfContent(match.contentId().value());
        if (covering.isPresent()) {
            boolean removed = cases.contents(covering.get()).stream()
                    .anyMatch(c -> c.contentId().equals(match.contentId().value())
                            && c.removedAt().isPresent());
            if (!removed) {
                cases.addMatch(covering.get(), found);
                history(
                        covering.get(),
                        SYSTEM,
                        "MATCH_JOINED",
                        Optional.of(match.bank().value() + "/" + match.entryId()));
            }
            return;
        }
        Optional<CaseRef> linked = match.originatingCase();
        Optional<ReviewCase> original = linked.flatMap(cases::find);
        Instant ownDeadline = match.foundAt().plus(settings.matchDeadline());
        Instant deadline = original.map(ReviewCase::deadline)
                .filter(d -> d.isAfter(match.foundAt()) && d.isBefore(ownDeadline))
                .orElse(ownDeadline);
        Severity severity = original.map(ReviewCase::severity).orElse(Severity.INTIMATE_IMAGE_ABUSE);
        ReviewCase opened = ReviewCase.opened(
                CaseRefs.next(MATCH_CASES),
                Origin.MATCH,
                linked,
                severity,
                Source.HASH_MATCH,
                match.foundAt(),
                deadline);
        cases.insert(opened);
        cases.addContent(
                opened.ref(),
                match.contentId().value(),
                matching.registered(match.contentId())
                        .map(RegisteredUpload::uploaderId)
                        .map(UploaderId::value));
        holdMedia(match.contentId().value(), opened.ref());
        cases.addMatch(opened.ref(), found);
        history(
                opened.ref(),
                SYSTEM,
                "OPENED",
                Optional.of("HASH_MATCH " + match.bank().value() + "/" + match.entryId()
                        + linked.map(l -> " copy of " + l.value()).orElse("")));
        events.publishEvent(new ReviewChanged(SYSTEM, "case.opened", opened.ref()));
    }

    /** The flood guard held a submitted entry: its confirmation case opens, and nothing else. */
    @Transactional
    public void entryHeld(EntryHeld held) {
        provisional.held(held);
    }

    /**
     * A reporter complained (UK OSA s.21(2A), the expedited route). A case closed as no violation
     * is reopened for a senior moderator other than the one who closed it; a case still waiting
     * goes to the seniors at once; a removed or pending removal only records it.
     */
    @Transactional
    public void complaintReceived(CaseRef ref) {
        Optional<ReviewCase> found = cases.find(ref);
        if (found.isEmpty()) {
            return;
        }
        ReviewCase reviewCase = found.get();
        switch (reviewCase.state()) {
            case NO_VIOLATION -> {
                save(reviewCase.withState(ReviewState.ESCALATED));
                history(ref, SYSTEM, "REOPENED_BY_COMPLAINT", Optional.empty());
            }
            case OPEN -> {
                save(reviewCase.withState(ReviewState.ESCALATED).withClaim(Optional.empty()));
                history(ref, SYSTEM, "ESCALATED_BY_COMPLAINT", Optional.empty());
            }
            case ESCALATED, AWAITING_REMOVAL, REMOVED, WITHDRAWN ->
                history(ref, SYSTEM, "COMPLAINT_RECEIVED", Optional.empty());
        }
        events.publishEvent(new ReviewChanged(SYSTEM, "case.complaint-received", ref));
    }

    // ---- The queue ----

    /**
     * Cases in a state, most urgent first: by deadline, then severity, then source. {@code OPEN}
     * includes escalated cases, which wait for a decision too.
     */
    @Transactional(readOnly = true)
    public List<ReviewCase> queue(ReviewState state, int limit) {
        return cases.queue(statesListedAs(state), Severity.CHILD_SEXUAL_ABUSE.rank(), Math.clamp(limit, 1, 500));
    }

    /**
     * The queue as this moderator may see it: child sexual abuse cases stay out of the ordinary
     * moderators' queue and are listed for senior moderators only.
     */
    @Transactional(readOnly = true)
    public List<ReviewCase> queue(Moderator moderator, ReviewState state, int limit) {
        Severity gravest = moderator.senior() ? Severity.CHILD_SEXUAL_ABUSE : Severity.INTIMATE_IMAGE_ABUSE;
        return cases.queue(statesListedAs(state), gravest.rank(), Math.clamp(limit, 1, 500));
    }

    private static EnumSet<ReviewState> statesListedAs(ReviewState state) {
        return state == ReviewState.OPEN ? EnumSet.of(ReviewState.OPEN, ReviewState.ESCALATED) : EnumSet.of(state);
    }

    /**
     * The case file as this moderator may see it.
     *
     * @throws SeniorModeratorRequiredException for a child sexual abuse case and a moderator who is not senior
     */
    @Transactional(readOnly = true)
    public CaseFile caseFile(Moderator moderator, CaseRef ref) {
        requireSeniorForChildAbuse(moderator, find(ref));
        return caseFile(ref);
    }

    private static void requireSeniorForChildAbuse(Moderator moderator, ReviewCase reviewCase) {
        if (reviewCase.severity() == Severity.CHILD_SEXUAL_ABUSE && !moderator.senior()) {
            throw new SeniorModeratorRequiredException(reviewCase.ref().value());
        }
    }

    /** @throws ReviewCaseNotFoundException when there is no such case */
    @Transactional(readOnly = true)
    public ReviewCase find(CaseRef ref) {
        return cases.find(ref).orElseThrow(ReviewCaseNotFoundException::new);
    }

    /** Everything a moderator sees of a case, media aside. */
    @Transactional(readOnly = true)
    public CaseFile caseFile(CaseRef ref) {
        ReviewCase reviewCase = find(ref);
        return new CaseFile(
                reviewCase,
                cases.contents(ref),
                intake.reportsForReview(ref),
                intake.complaints(ref),
                cases.matches(ref),
                cases.decisions(ref),
                enforcement.deliveriesForCase(ref),
                cases.history(ref));
    }

    /** Counts per state and the cases at risk of, or past, their deadline. */
    @Transactional(readOnly = true)
    public Dashboard dashboard() {
        Instant now = clock.instant();
        List<ReviewCase> running = cases.clockRunningWithDeadlineBy(now.plus(settings.warnBefore()), false);
        List<ReviewCase> breached = new ArrayList<>();
        List<ReviewCase> atRisk = new ArrayList<>();
        for (ReviewCase c : running) {
            (c.deadline().isAfter(now) ? atRisk : breached).add(c);
        }
        // Breached cases stay listed after the sweep recorded them, until their clock stops.
        for (ReviewCase c : cases.queue(
                EnumSet.of(ReviewState.OPEN, ReviewState.ESCALATED, ReviewState.AWAITING_REMOVAL),
                Severity.CHILD_SEXUAL_ABUSE.rank(),
                500)) {
            if (c.breachedAt().isPresent() && !breached.contains(c)) {
                breached.add(c);
            }
        }
        return new Dashboard(cases.countByState(), atRisk, breached);
    }

    // ---- Claims ----

    /**
     * Claims the case for the moderator for the lease period (renewing their own claim).
     *
     * @throws CaseClaimedException when another moderator holds an unexpired claim
     * @throws SeniorModeratorRequiredException for escalated or child-protection cases and a non-senior caller
     * @throws CaseNotDecidableException when the case no longer waits for a decision
     */
    @Transactional
    public ReviewCase claim(Moderator moderator, CaseRef ref) {
        Instant now = now();
        ReviewCase reviewCase = find(ref);
        requireDecidable(reviewCase);
        requireSeniorWhereNeeded(moderator, reviewCase);
        Optional<String> holder = reviewCase.claimantAt(now);
        if (holder.isPresent() && !holder.get().equals(moderator.username())) {
            throw new CaseClaimedException(ref.value());
        }
        ReviewCase claimed =
                reviewCase.withClaim(Optional.of(new Claim(moderator.username(), now.plus(settings.claimLease()))));
        if (!cases.update(claimed)) {
            throw new CaseClaimedException(ref.value());
        }
        history(ref, moderator.actor(), holder.isPresent() ? "CLAIM_RENEWED" : "CLAIMED", Optional.empty());
        events.publishEvent(new ReviewChanged(moderator.actor(), "case.claimed", ref));
        return find(ref);
    }

    /**
     * Gives the moderator's claim back to the queue.
     *
     * @throws NotClaimantException when the moderator does not hold the claim
     */
    @Transactional
    public ReviewCase release(Moderator moderator, CaseRef ref) {
        ReviewCase reviewCase = find(ref);
        if (!reviewCase.claimantAt(now()).map(moderator.username()::equals).orElse(false)) {
            throw new NotClaimantException(ref.value());
        }
        if (!cases.update(reviewCase.withClaim(Optional.empty()))) {
            throw new CaseChangedException(ref.value());
        }
        history(ref, moderator.actor(), "RELEASED", Optional.empty());
        events.publishEvent(new ReviewChanged(moderator.actor(), "case.released", ref));
        return find(ref);
    }

    /**
     * A senior moderator hands the case to another moderator (or takes it), whoever held it.
     *
     * @throws SeniorModeratorRequiredException when the caller is not a senior moderator
     */
    @Transactional
    public ReviewCase reassign(Moderator senior, CaseRef ref, String toUsername) {
        ReviewCase reviewCase = find(ref);
        if (!senior.senior()) {
            throw new SeniorModeratorRequiredException(ref.value());
        }
        requireDecidable(reviewCase);
        if (!isActiveModerator(toUsername)) {
            throw new ReassignTargetInvalidException(ref.value());
        }
        if (!cases.update(
                reviewCase.withClaim(Optional.of(new Claim(toUsername, now().plus(settings.claimLease())))))) {
            throw new CaseChangedException(ref.value());
        }
        history(ref, senior.actor(), "REASSIGNED", Optional.of(toUsername));
        events.publishEvent(new ReviewChanged(senior.actor(), "case.reassigned", ref));
        return find(ref);
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

    // ---- Decisions ----

    /**
     * Records the claimant's decision. A removal (or a referral, which also removes) asks the
     * platform to remove every content item of the case, each with its statement of reasons, in
     * the decision's transaction; the reporters are told.
     *
     * @throws NotClaimantException when the moderator does not hold an unexpired claim
     * @throws CaseChangedException when {@code expectedVersion} is stale or the case changed concurrently
     * @throws CaseNotDecidableException when the case no longer waits for a decision
     */
    @Transactional
    public RecordedDecision decide(Moderator moderator, CaseRef ref, DecisionRequest request) {
        Instant now = now();
        ReviewCase reviewCase = find(ref);
        if (request.expectedVersion().isPresent() && request.expectedVersion().get() != reviewCase.version()) {
            throw new CaseChangedException(ref.value());
        }
        requireDecidable(reviewCase);
        if (!reviewCase.claimantAt(now).map(moderator.username()::equals).orElse(false)) {
            throw new NotClaimantException(ref.value());
        }
        requireSeniorWhereNeeded(moderator, reviewCase);
        if (request.outcome() == Outcome.ESCALATE && reviewCase.state() == ReviewState.ESCALATED) {
            throw new InvalidDecisionException("outcome", "an escalated case is decided by its senior moderator");
        }
        String decisionId = UUID.randomUUID().toString();
        ReviewCase next = switch (request.outcome()) {
            case ESCALATE -> reviewCase.withState(ReviewState.ESCALATED).withClaim(Optional.empty());
            case NO_VIOLATION -> reviewCase.withState(ReviewState.NO_VIOLATION);
            case REMOVE ->
                ProvisionalCases.decides(reviewCase)
                        ? reviewCase.removed(now)
                        : reviewCase.withState(ReviewState.AWAITING_REMOVAL);
            case REFER -> reviewCase.referred();
        };
        if (!cases.update(next)) {
            throw new CaseChangedException(ref.value());
        }
        Optional<String> statementOfReasons = Optional.empty();
        if (ProvisionalCases.decides(reviewCase)) {
            // The case decides a bank entry: the blocked uploads were never online, so nothing is
            // removed; the entry is confirmed or released.
            provisional.decided(moderator, reviewCase, request.outcome());
        } else if (request.outcome() == Outcome.REMOVE || request.outcome() == Outcome.REFER) {
            statementOfReasons = Optional.of(requestRemovals(moderator, reviewCase, decisionId, request, now));
        }
        var decision = new RecordedDecision(
                decisionId,
                ref.value(),
                moderator.username(),
                request.outcome(),
                request.basis(),
                request.reason(),
                request.policy(),
                request.statement(),
                statementOfReasons,
                now);
        cases.insertDecision(decision);
        history(
                ref,
                moderator.actor(),
                "DECIDED_" + request.outcome().name(),
                request.reason().map(Enum::name).or(() -> request.basis().map(Enum::name)));
        events.publishEvent(new ReviewChanged(
                moderator.actor(), "case.decided:" + request.outcome().name().toLowerCase(Locale.ROOT), ref));
        if (request.outcome() == Outcome.NO_VIOLATION) {
            releaseMedia(reviewCase);
        }
        if (request.outcome() == Outcome.REFER) {
            cases.insertReferral(ref, settings.referralAgency(), moderator.username(), now);
            history(ref, moderator.actor(), "REFERRAL_RECORDED", Optional.of(settings.referralAgency()));
        }
        intake.recordProgress(
                ref,
                switch (request.outcome()) {
                    case ESCALATE -> Progress.ESCALATED;
                    case REMOVE -> Progress.REMOVAL_DECIDED;
                    case REFER -> Progress.REFERRED;
                    case NO_VIOLATION ->
                        switch (request.reason().orElseThrow()) {
                            case NOT_INTIMATE_IMAGE_CONTENT -> Progress.NOT_INTIMATE_IMAGE_CONTENT;
                            case REPORTER_NOT_SUBJECT_OR_AUTHORISED -> Progress.REPORTER_NOT_AUTHORISED;
                            case CONTENT_NOT_FOUND -> Progress.CONTENT_NOT_FOUND;
                        };
                });
        return decision;
    }

    /**
     * Queues one {@code content.remove} per content item; returns the first statement of reasons as JSON for the
     * record.
     */
    private String requestRemovals(
            Moderator moderator, ReviewCase reviewCase, String decisionId, DecisionRequest request, Instant now) {
        String first = null;
        for (CaseContent content : cases.contents(reviewCase.ref())) {
            if (content.removalDelivery().isPresent()) {
                continue;
            }
            int strikes = content.uploaderId()
                    .map(u -> cases.confirmedRemovals(u) + 1)
                    .orElse(0);
            var statement = new StatementOfReasons(
                    decisionId,
                    reviewCase.ref().value(),
                    content.contentId(),
                    now,
                    facts(reviewCase),
                    reviewCase.origin() == Origin.MATCH,
                    request.basis().orElseThrow(),
                    request.policy(),
                    request.statement(),
                    strikes,
                    settings.suspendAfter(),
                    settings.appealUrl());
            Map<String, Object> body = statement.toMap();
            DeliveryId delivery = enforcement.requestRemoval(
                    moderator.actor(), reviewCase.ref(), new ContentId(content.contentId()), body);
            cases.markRemovalRequested(reviewCase.ref(), content.contentId(), delivery.value(), now);
            history(reviewCase.ref(), moderator.actor(), "REMOVAL_REQUESTED", Optional.of(content.contentId()));
            if (request.outcome() == Outcome.REFER) {
                media.hold(
                        moderator.actor(),
                        new ContentId(content.contentId()),
                        "child-protection referral " + reviewCase.ref().value());
            }
            if (first == null) {
                first = JSON.writeValueAsString(body);
            }
        }
        return first == null ? "{}" : first;
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
            case HASH_MATCH ->
                "The item matched the fingerprint of an image that was removed before or that the person shown "
                        + "asked to protect.";
        };
    }

    // ---- Confirmation by the platform ----

    /**
     * The platform acknowledged a removal: that content's clock stops; when every content item of
     * the case is removed the case is REMOVED. The content's hashes are banked (with its image's
     * rotations when kept), which scans earlier uploads for copies; the uploader's count of confirmed
     * removals grows, and past the threshold an {@code account.suspend} webhook is queued.
     */
    @Transactional
    public void removalConfirmed(DeliveryId delivery, Instant acknowledgedAt) {
        var removal = cases.removalByDelivery(delivery.value());
        if (removal.isEmpty()) {
            return;
        }
        CaseRef ref = removal.get().getKey();
        String contentId = removal.get().getValue();
        Instant at = SqlDialect.truncate(acknowledgedAt);
        cases.markRemoved(ref, contentId, at);
        history(ref, SYSTEM, "REMOVAL_CONFIRMED", Optional.of(contentId));
        List<CaseContent> contents = cases.contents(ref);
        CaseContent content = contents.stream()
                .filter(c -> c.contentId().equals(contentId))
                .findFirst()
                .orElseThrow();
        Optional<byte[]> image = keptImage(contentId);
        int banked = matching.bankConfirmedRemoval(SYSTEM, ref, new ContentId(contentId), image)
                .size();
        history(ref, SYSTEM, banked > 0 ? "HASHES_BANKED" : "NO_HASHES_TO_BANK", Optional.of(contentId + " " + banked));
        content.uploaderId().ifPresent(uploader -> countAgainst(uploader, ref, at));
        if (contents.stream()
                .allMatch(c -> c.removedAt().isPresent() || c.removalDelivery().isEmpty())) {
            ReviewCase reviewCase = find(ref);
            if (reviewCase.state() == ReviewState.AWAITING_REMOVAL) {
                save(reviewCase.removed(at));
                history(ref, SYSTEM, "REMOVED", Optional.empty());
                events.publishEvent(new ReviewChanged(SYSTEM, "case.removed", ref));
                intake.recordProgress(ref, Progress.REMOVED);
            }
        }
    }

    /** The newest kept image of the content; a damaged or purged file only costs the rotated hashes. */
    private Optional<byte[]> keptImage(String contentId) {
        try {
            return media.forContent(new ContentId(contentId)).stream()
                    .findFirst()
                    .map(m -> media.open(m.id()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Keeps the content's images past their retention while the case is under review; a removed
     * or referred case keeps them as evidence, a case closed without action lets them go.
     */
    private void holdMedia(String contentId, CaseRef ref) {
        if (contentId.length() <= Media.MAX_CONTENT_ID) {
            media.hold(SYSTEM, new ContentId(contentId), "under review in case " + ref.value());
        }
    }

    private void releaseMedia(ReviewCase reviewCase) {
        if (reviewCase.severity() == Severity.CHILD_SEXUAL_ABUSE) {
            return;
        }
        for (CaseContent content : cases.contents(reviewCase.ref())) {
            if (content.contentId().length() <= Media.MAX_CONTENT_ID) {
                media.release(SYSTEM, new ContentId(content.contentId()));
            }
        }
    }

    private void countAgainst(String uploaderId, CaseRef ref, Instant at) {
        int total = cases.countRemoval(uploaderId, at);
        if (total >= settings.suspendAfter()) {
            DeliveryId suspension = enforcement.requestSuspension(SYSTEM, ref, new UploaderId(uploaderId), total);
            if (cases.markSuspended(uploaderId, suspension.value(), at)) {
                history(ref, SYSTEM, "SUSPENSION_REQUESTED", Optional.of(total + " confirmed removals"));
            }
        }
    }

    // ---- Deadlines ----

    /**
     * Records a warning for each case whose deadline is within the warning window and a breach for
     * each whose deadline passed with the clock still running.
     */
    @Transactional
    public SweepResult sweep() {
        Instant now = now();
        int warned = 0;
        // A case changed by a moderator at the same moment fails its version check and is picked up
        // by the next sweep, rather than failing the whole sweep.
        for (ReviewCase c : cases.clockRunningWithDeadlineBy(now.plus(settings.warnBefore()), true)) {
            if (cases.update(c.warned(now))) {
                history(
                        c.ref(),
                        SYSTEM,
                        "DEADLINE_WARNING",
                        Optional.of(c.deadline().toString()));
                events.publishEvent(new ReviewChanged(SYSTEM, "case.deadline-warning", c.ref()));
                warned++;
            }
        }
        int breached = 0;
        for (ReviewCase c : cases.clockRunningWithDeadlineBy(now, false)) {
            if (c.deadline().isBefore(now) && cases.update(find(c.ref()).breached(now))) {
                history(
                        c.ref(),
                        SYSTEM,
                        "DEADLINE_BREACHED",
                        Optional.of(c.deadline().toString()));
                events.publishEvent(new ReviewChanged(SYSTEM, "case.deadline-breached", c.ref()));
                breached++;
            }
        }
        return new SweepResult(warned, breached);
    }

    // ---- Media ----

    /** The images kept for the case's content, newest first per content. */
    @Transactional(readOnly = true)
    public List<StoredMedia> media(CaseRef ref) {
        List<StoredMedia> all = new ArrayList<>();
        for (CaseContent content : cases.contents(ref)) {
            all.addAll(media.forContent(new ContentId(content.contentId())));
        }
        return all;
    }

    /**
     * A blurred greyscale preview of one of the case's images.
     *
     * @throws ReviewCaseNotFoundException when the image is not one of the case's
     */
    @Transactional(readOnly = true)
    public byte[] preview(Moderator moderator, CaseRef ref, MediaId id) {
        requireSeniorForChildAbuse(moderator, find(ref));
        requireMediaOfCase(ref, id);
        return media.preview(id);
    }

    /**
     * One of the case's images as received: the moderator's deliberate look is recorded in the
     * case's history and the audit log.
     *
     * @throws ReviewCaseNotFoundException when the image is not one of the case's
     */
    @Transactional
    public byte[] reveal(Moderator moderator, CaseRef ref, MediaId id) {
        requireSeniorForChildAbuse(moderator, find(ref));
        requireMediaOfCase(ref, id);
        history(
                ref,
                moderator.actor(),
                "MEDIA_REVEALED",
                Optional.of(id.value().substring(0, Math.min(12, id.value().length()))));
        events.publishEvent(new ReviewChanged(moderator.actor(), "case.media-revealed", ref));
        return media.open(id);
    }

    private void requireMediaOfCase(CaseRef ref, MediaId id) {
        if (media(ref).stream().noneMatch(m -> m.id().equals(id))) {
            throw new ReviewCaseNotFoundException();
        }
    }

    // ---- Preferences ----

    @Transactional(readOnly = true)
    public MediaPreference preference(Moderator moderator) {
        return cases.preference(moderator.username());
    }

    @Transactional
    public void savePreference(Moderator moderator, MediaPreference preference) {
        cases.savePreference(moderator.username(), preference);
    }

    private void requireDecidable(ReviewCase reviewCase) {
        if (!reviewCase.state().decidable()) {
            throw new CaseNotDecidableException(reviewCase.ref().value(), reviewCase.state());
        }
    }

    private void requireSeniorWhereNeeded(Moderator moderator, ReviewCase reviewCase) {
        boolean needsSenior =
                reviewCase.state() == ReviewState.ESCALATED || reviewCase.severity() == Severity.CHILD_SEXUAL_ABUSE;
        if (needsSenior && !moderator.senior()) {
            throw new SeniorModeratorRequiredException(reviewCase.ref().value());
        }
        if (reviewCase.state() == ReviewState.ESCALATED) {
            List<RecordedDecision> decisions = cases.decisions(reviewCase.ref());
            boolean closedBefore = !decisions.isEmpty() && decisions.getLast().outcome() == Outcome.NO_VIOLATION;
            if (closedBefore && decisions.getLast().decidedBy().equals(moderator.username())) {
                throw new DifferentModeratorRequiredException(reviewCase.ref().value());
            }
        }
    }

    private boolean save(ReviewCase reviewCase) {
        if (!cases.update(reviewCase)) {
            throw new CaseChangedException(reviewCase.ref().value());
        }
        return true;
    }

    private void history(CaseRef ref, Actor actor, String what, Optional<String> detail) {
        cases.appendHistory(ref, now(), actor.kind() + ":" + actor.id(), what, detail);
    }

    /** A provenance reference that has the shape of a case reference (imports and manual entries do not). */
    private Instant now() {
        return SqlDialect.truncate(clock.instant());
    }
}
