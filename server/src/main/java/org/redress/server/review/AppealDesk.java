package org.redress.server.review;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.redress.server.enforcement.DeliveryId;
import org.redress.server.enforcement.Enforcement;
import org.redress.server.intake.CaseRefs;
import org.redress.server.intake.Intake;
import org.redress.server.intake.Progress;
import org.redress.server.matching.Matching;
import org.redress.server.matching.Provenance;
import org.redress.server.review.cases.ReviewAppeals;
import org.redress.server.review.cases.ReviewCases;
import org.redress.server.review.decisions.AppealStatement;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.UploaderId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appeals by uploaders (EU DSA Art. 20, UK OSA s.21): each restriction's statement of reasons
 * carries a link to the hosted appeal page; an appeal, from that page or from the platform, opens
 * a case of origin {@code APPEAL} with its own target time; a senior moderator other than the one
 * who decided upholds or reverses. A reversal restores the content, disables the bank entries the
 * decision created (kept, with their provenance) and takes back the uploader's strike.
 */
@Component
class AppealDesk {

    /** The prefix of appeal cases. */
    static final String APPEAL_CASES = "RA";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReviewCases cases;
    private final ReviewAppeals appeals;
    private final Enforcement enforcement;
    private final Matching matching;
    private final Intake intake;
    private final AppealLinks links;
    private final CaseLog log;
    private final ReviewSettings settings;

    AppealDesk(
            ReviewCases cases,
            ReviewAppeals appeals,
            Enforcement enforcement,
            Matching matching,
            Intake intake,
            AppealLinks links,
            CaseLog log,
            ReviewSettings settings) {
        this.cases = cases;
        this.appeals = appeals;
        this.enforcement = enforcement;
        this.matching = matching;
        this.intake = intake;
        this.links = links;
        this.log = log;
        this.settings = settings;
    }

    /** A new link to the appeal page for one content item of a restricting decision. */
    String linkFor(String decisionId, CaseRef ref, String contentId, Instant now) {
        String token = AppealToken.generate();
        appeals.insertToken(AppealToken.hash(token), decisionId, ref, contentId, now);
        return links.page(token).toString();
    }

    /** A new link to appeal the restriction of the content in the case, for a measure that rests on it. */
    Optional<String> linkFor(CaseRef ref, String contentId, Instant now) {
        return appeals.restrictionsOf(contentId).stream()
                .filter(r -> r.caseRef().equals(ref))
                .findFirst()
                .map(r -> linkFor(r.decisionId(), ref, contentId, now));
    }

    /** When the appeal window of a decision closes. */
    Instant windowEnd(Appealable restriction) {
        return restriction
                .decidedAt()
                .atOffset(ZoneOffset.UTC)
                .plus(settings.appealWindow())
                .toInstant();
    }

    boolean windowOpen(Appealable restriction) {
        return !log.now().isAfter(windowEnd(restriction));
    }

    /** The restriction an uploader appeals through their platform: the newest one not reversed. */
    Appealable restrictionOf(String contentId, String uploaderId) {
        return appeals.restrictionsOf(contentId).stream()
                .filter(r -> r.uploaderId().filter(uploaderId::equals).isPresent())
                .filter(r -> appeals.forRestriction(r.decisionId(), r.contentId())
                        .flatMap(Appeal::outcome)
                        .filter(o -> o == Outcome.REVERSE)
                        .isEmpty())
                .findFirst()
                .orElseThrow(NoAppealableDecisionException::new);
    }

    /** The restriction an appeal link opens. */
    Optional<Appealable> restrictionByToken(String token) {
        return appeals.restrictionByToken(AppealToken.hash(token));
    }

    Optional<Appeal> appealOf(Appealable restriction) {
        return appeals.forRestriction(restriction.decisionId(), restriction.contentId());
    }

    /**
     * Files the appeal and opens its case.
     *
     * @throws AppealAlreadyFiledException when this restriction was appealed before
     * @throws AppealWindowClosedException when its window has closed
     */
    AppealReceipt file(Actor actor, Appealable restriction, String text, Appeal.Channel channel) {
        Instant now = log.now();
        if (appealOf(restriction).isPresent()) {
            throw new AppealAlreadyFiledException();
        }
        if (!windowOpen(restriction)) {
            throw new AppealWindowClosedException();
        }
        ReviewCase appealed = cases.find(restriction.caseRef()).orElseThrow(NoAppealableDecisionException::new);
        ReviewCase opened = ReviewCase.opened(
                CaseRefs.next(APPEAL_CASES),
                Origin.APPEAL,
                Optional.of(restriction.caseRef()),
                appealed.severity(),
                Source.UPLOADER,
                now,
                now.plus(settings.appealTarget()));
        cases.insert(opened);
        cases.addContent(opened.ref(), restriction.contentId(), restriction.uploaderId());
        var appeal = new Appeal(
                opened.ref(), restriction, text, channel, now, Optional.empty(), Optional.empty(), Optional.empty());
        if (!appeals.insert(appeal)) {
            // Another appeal of the same restriction committed meanwhile; this one rolls back.
            throw new AppealAlreadyFiledException();
        }
        log.step(
                opened.ref(),
                actor,
                HistoryStep.OPENED,
                Optional.of("APPEAL of " + restriction.caseRef().value()));
        log.step(
                restriction.caseRef(),
                actor,
                HistoryStep.APPEALED,
                Optional.of(opened.ref().value()));
        log.audit(actor, "appeal.received", opened.ref());
        return new AppealReceipt(opened.ref(), now, opened.deadline());
    }

    Optional<Appeal> appealOfCase(CaseRef appealRef) {
        return appeals.find(appealRef);
    }

    /** The moderator who took the decision an appeal case is about: never its decider. */
    Optional<String> appealedDecider(ReviewCase appealCase) {
        return appeals.find(appealCase.ref()).map(a -> a.appealed().decidedBy());
    }

    /**
     * Carries out the decision on an appeal; returns the uploader's statement of it as JSON for the
     * record.
     */
    String decided(Moderator moderator, ReviewCase appealCase, Decision.OnAppeal decision, String decisionId) {
        Instant now = log.now();
        Appeal appeal = appeals.find(appealCase.ref()).orElseThrow(ReviewCaseNotFoundException::new);
        Appealable restriction = appeal.appealed();
        appeals.markDecided(appealCase.ref(), decision.outcome(), moderator.username(), now);
        boolean reversed = decision instanceof Decision.Reverse;
        Map<String, Object> statement = new AppealStatement(
                        decisionId,
                        appealCase.ref().value(),
                        restriction.decisionId(),
                        restriction.contentId(),
                        reversed,
                        now)
                .toMap();
        switch (decision) {
            case Decision.Uphold u -> {
                DeliveryId answer = enforcement.requestAppealAnswer(
                        moderator.actor(), restriction.caseRef(), new ContentId(restriction.contentId()), statement);
                log.step(
                        restriction.caseRef(),
                        moderator.actor(),
                        HistoryStep.APPEAL_ANSWERED,
                        Optional.of(answer.value()));
                log.step(
                        restriction.caseRef(),
                        moderator.actor(),
                        HistoryStep.APPEAL_UPHELD,
                        Optional.of(appealCase.ref().value()));
                intake.recordProgress(restriction.caseRef(), Progress.APPEAL_UPHELD);
            }
            case Decision.Reverse r -> reverse(moderator, appealCase, restriction, statement);
        }
        return JSON.writeValueAsString(statement);
    }

    /** A suspension that no longer has enough confirmed removals behind it ends at once. */
    private void liftSuspensionWithoutGrounds(Actor actor, CaseRef decided, String uploader) {
        Instant now = log.now();
        boolean withoutGrounds = cases.standing(uploader)
                .filter(s -> s.suspendedAt(now) && s.confirmedRemovals() < settings.suspendAfter())
                .isPresent();
        if (withoutGrounds && cases.liftSuspension(uploader, now)) {
            DeliveryId reinstated = enforcement.requestReinstatement(actor, decided, new UploaderId(uploader));
            log.step(decided, actor, HistoryStep.SUSPENSION_LIFTED, Optional.of(reinstated.value()));
        }
    }

    private void reverse(
            Moderator moderator, ReviewCase appealCase, Appealable restriction, Map<String, Object> statement) {
        Actor actor = moderator.actor();
        var decided = restriction.caseRef();
        log.step(
                decided,
                actor,
                HistoryStep.DECISION_REVERSED,
                Optional.of(appealCase.ref().value()));
        DeliveryId restore =
                enforcement.requestRestore(actor, decided, new ContentId(restriction.contentId()), statement);
        log.step(decided, actor, HistoryStep.RESTORE_REQUESTED, Optional.of(restore.value()));
        // The decision's entries stay in the bank with their provenance, disabled: the image no
        // longer blocks, and the record of what was banked and why remains.
        int disabled = matching.disableAll(actor, new Provenance(Provenance.Source.DECISION, decided.value()));
        log.step(decided, actor, HistoryStep.BANK_ENTRIES_DISABLED, Optional.of(Integer.toString(disabled)));
        if (restriction.removedAt().isPresent() && restriction.uploaderId().isPresent()) {
            String uploader = restriction.uploaderId().get();
            cases.uncountRemoval(uploader);
            log.step(decided, actor, HistoryStep.STRIKE_WITHDRAWN);
            liftSuspensionWithoutGrounds(actor, decided, uploader);
        }
        intake.recordProgress(decided, Progress.RESTORED_ON_APPEAL);
    }
}
