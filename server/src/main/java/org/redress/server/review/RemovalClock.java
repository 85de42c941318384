package org.redress.server.review;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.redress.server.enforcement.DeliveryId;
import org.redress.server.enforcement.Enforcement;
import org.redress.server.intake.Intake;
import org.redress.server.intake.Progress;
import org.redress.server.review.cases.ReviewAppeals;
import org.redress.server.review.cases.ReviewCases;
import org.redress.server.review.decisions.AccountStatement;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.UploaderId;
import org.redress.server.storage.SqlDialect;
import org.springframework.stereotype.Component;

/**
 * The legal clock of a case: it stops only at the platform's acknowledgement of every removal,
 * when the content is counted against its uploader and its banking is queued for after the commit
 * ({@link FollowUps}); the sweep records warnings and breaches while it runs.
 */
@Component
class RemovalClock {

    private final ReviewCases cases;
    private final ReviewAppeals appeals;
    private final Intake intake;
    private final Enforcement enforcement;
    private final FollowUps followUps;
    private final AppealDesk appealDesk;
    private final CaseLog log;
    private final ReviewSettings settings;

    RemovalClock(
            ReviewCases cases,
            ReviewAppeals appeals,
            Intake intake,
            Enforcement enforcement,
            FollowUps followUps,
            AppealDesk appealDesk,
            CaseLog log,
            ReviewSettings settings) {
        this.cases = cases;
        this.appeals = appeals;
        this.intake = intake;
        this.enforcement = enforcement;
        this.followUps = followUps;
        this.appealDesk = appealDesk;
        this.log = log;
        this.settings = settings;
    }

    void removalConfirmed(DeliveryId delivery, Instant acknowledgedAt) {
        var removal = cases.removalByDelivery(delivery.value());
        if (removal.isEmpty()) {
            return;
        }
        CaseRef ref = removal.get().getKey();
        String contentId = removal.get().getValue();
        Instant at = SqlDialect.truncate(acknowledgedAt);
        cases.markRemoved(ref, contentId, at);
        log.step(ref, CaseLog.SYSTEM, HistoryStep.REMOVAL_CONFIRMED, Optional.of(contentId));
        List<CaseContent> contents = cases.contents(ref);
        CaseContent content = contents.stream()
                .filter(c -> c.contentId().equals(contentId))
                .findFirst()
                .orElseThrow();
        boolean reversed = reversedOnAppeal(ref, contentId);
        if (reversed) {
            // The platform removed the content after an appeal had reversed the decision (and asked
            // for it back): nothing is banked and no strike counted for a removal that was wrong.
            log.step(ref, CaseLog.SYSTEM, HistoryStep.NO_HASHES_TO_BANK, Optional.of(contentId + " reversed"));
        } else {
            followUps.bankAfterCommit(ref, contentId, at);
            content.uploaderId().ifPresent(uploader -> countAgainst(uploader, ref, contentId, at));
        }
        if (contents.stream()
                .allMatch(c -> c.removedAt().isPresent() || c.removalDelivery().isEmpty())) {
            cases.find(ref)
                    .filter(c -> c.state() == ReviewState.AWAITING_REMOVAL)
                    .ifPresent(reviewCase -> {
                        // The clock stops at the platform's acknowledgement whatever an appeal decided.
                        log.save(reviewCase.removed(at));
                        log.step(ref, CaseLog.SYSTEM, HistoryStep.REMOVED);
                        log.audit(CaseLog.SYSTEM, "case.removed", ref);
                        if (!reversed) {
                            intake.recordProgress(ref, Progress.REMOVED);
                        }
                    });
        }
    }

    private boolean reversedOnAppeal(CaseRef ref, String contentId) {
        return appeals.restrictionsOf(contentId).stream()
                .filter(r -> r.caseRef().equals(ref))
                .flatMap(r -> appeals.forRestriction(r.decisionId(), contentId).stream())
                .anyMatch(a -> a.outcome().filter(o -> o == Outcome.REVERSE).isPresent());
    }

    /**
     * Counts the removal against its uploader and applies EU DSA Art. 23: a warning first (at one
     * removal short of the threshold, or at the threshold for an account never warned), then, at
     * the threshold, a suspension for the configured period; each with its own statement of
     * reasons and a link to appeal the removal it rests on.
     */
    private void countAgainst(String uploaderId, CaseRef ref, String contentId, Instant at) {
        int total = cases.countRemoval(uploaderId, at);
        // Read before this removal can warn: a warning found here was given at an earlier removal.
        boolean warnedBefore =
                cases.standing(uploaderId).flatMap(AccountStanding::warnedAt).isPresent();
        var uploader = new UploaderId(uploaderId);
        String appeal = appealDesk.linkFor(ref, contentId, at).orElseThrow();
        if (total >= settings.suspendAfter() && warnedBefore) {
            Duration period = settings.suspensionPeriod();
            if (cases.markSuspended(uploaderId, at, at.plus(period))) {
                var statement = new AccountStatement(
                        ref.value(), at, total, settings.suspendAfter(), Optional.of(period), appeal);
                enforcement.requestSuspension(CaseLog.SYSTEM, ref, uploader, total, at.plus(period), statement.toMap());
                log.step(
                        ref,
                        CaseLog.SYSTEM,
                        HistoryStep.SUSPENSION_REQUESTED,
                        Optional.of(total + " confirmed removals, for " + period));
            }
        } else if (total >= settings.suspendAfter() - 1 && cases.markWarned(uploaderId, at)) {
            var statement =
                    new AccountStatement(ref.value(), at, total, settings.suspendAfter(), Optional.empty(), appeal);
            enforcement.requestWarning(CaseLog.SYSTEM, ref, uploader, statement.toMap());
            log.step(ref, CaseLog.SYSTEM, HistoryStep.ACCOUNT_WARNED, Optional.of(total + " confirmed removals"));
        }
    }

    SweepResult sweep() {
        Instant now = log.now();
        int warned = 0;
        // A case changed by a moderator at the same moment fails its version check and is picked up
        // by the next sweep, rather than failing the whole sweep.
        for (ReviewCase c : cases.clockRunningWithDeadlineBy(now.plus(settings.warnBefore()), true)) {
            if (cases.update(c.warned(now))) {
                log.step(
                        c.ref(),
                        CaseLog.SYSTEM,
                        HistoryStep.DEADLINE_WARNING,
                        Optional.of(c.deadline().toString()));
                log.audit(CaseLog.SYSTEM, "case.deadline-warning", c.ref());
                warned++;
            }
        }
        int breached = 0;
        for (ReviewCase c : cases.clockRunningWithDeadlineBy(now, false)) {
            Optional<ReviewCase> current = cases.find(c.ref());
            if (c.deadline().isBefore(now)
                    && current.isPresent()
                    && cases.update(current.get().breached(now))) {
                log.step(
                        c.ref(),
                        CaseLog.SYSTEM,
                        HistoryStep.DEADLINE_BREACHED,
                        Optional.of(c.deadline().toString()));
                log.audit(CaseLog.SYSTEM, "case.deadline-breached", c.ref());
                breached++;
            }
        }
        return new SweepResult(warned, breached);
    }

    Dashboard dashboard() {
        Instant now = log.now();
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
}
