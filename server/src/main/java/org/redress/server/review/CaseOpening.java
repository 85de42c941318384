package org.redress.server.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redress.server.enforcement.DeliveryId;
import org.redress.server.enforcement.Enforcement;
import org.redress.server.intake.CaseRefs;
import org.redress.server.intake.ReportReason;
import org.redress.server.intake.ReportReceived;
import org.redress.server.matching.EntryHeld;
import org.redress.server.matching.MatchFound;
import org.redress.server.matching.Verdict;
import org.redress.server.review.cases.ReviewCases;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.UploaderId;
import org.springframework.stereotype.Component;

/** How cases come to be: from reports, matches and complaints, inside the transactions that bring them. */
@Component
class CaseOpening {

    /** The prefix of cases opened by matches, so they never look like a report's {@code RD-} reference. */
    static final String MATCH_CASES = "RM";

    private final ReviewCases cases;
    private final Enforcement enforcement;
    private final CaseMedia media;
    private final CaseLog log;
    private final ReviewSettings settings;
    private final ProvisionalCases provisional;
    private final CaseCopies copies;

    CaseOpening(
            ReviewCases cases,
            Enforcement enforcement,
            CaseMedia media,
            CaseLog log,
            ReviewSettings settings,
            ProvisionalCases provisional,
            CaseCopies copies) {
        this.provisional = provisional;
        this.copies = copies;
        this.cases = cases;
        this.enforcement = enforcement;
        this.media = media;
        this.log = log;
        this.settings = settings;
    }

    void reportReceived(ReportReceived report) {
        Severity severity = Severity.ofReport(report.subjectWasUnder18(), report.reason());
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
            log.step(reviewCase.ref(), CaseLog.SYSTEM, HistoryStep.OPENED, Optional.of(source.name()));
            log.audit(CaseLog.SYSTEM, "case.opened", reviewCase.ref());
        } else {
            ReviewCase before = existing.get();
            reviewCase = before.joinedByReport(severity, source, report.receivedAt(), report.removalDeadline());
            log.save(reviewCase);
            log.step(
                    reviewCase.ref(),
                    CaseLog.SYSTEM,
                    before.state() == reviewCase.state() ? HistoryStep.REPORT_JOINED : HistoryStep.REOPENED,
                    Optional.of(source.name()));
            log.audit(CaseLog.SYSTEM, "case.report-joined", reviewCase.ref());
        }
        keepMostUrgentReason(reviewCase.ref(), report.reason());
        // The report names content by URLs or ids: the registry resolves them to the platform's
        // content ids, and each item's copies join after the commit (CaseCopies, docs/adr/0029).
        for (String contentId : copies.addReported(reviewCase.ref(), report.contentLocators())) {
            if (settings.hideOnReport() && existing.isEmpty()) {
                DeliveryId hide = enforcement.requestHide(CaseLog.SYSTEM, reviewCase.ref(), new ContentId(contentId));
                log.step(reviewCase.ref(), CaseLog.SYSTEM, HistoryStep.HIDE_REQUESTED, Optional.of(hide.value()));
            }
        }
    }

    /** Reports joining one case: the most urgent reason wins, a tie keeps the first (docs/report-reasons.md). */
    private void keepMostUrgentReason(CaseRef ref, ReportReason reason) {
        cases.recordReason(
                ref,
                Optional.ofNullable(cases.reasons(List.of(ref)).get(ref))
                        .map(first -> first.moreUrgent(reason))
                        .orElse(reason));
    }

    void reportsWithdrawn(CaseRef ref) {
        cases.find(ref)
                .ifPresent(c -> c.withdrawn().ifPresent(withdrawn -> {
                    log.save(withdrawn);
                    media.release(c);
                    log.step(ref, CaseLog.SYSTEM, HistoryStep.WITHDRAWN);
                    log.audit(CaseLog.SYSTEM, "case.withdrawn", ref);
                }));
    }

    /** The flood guard held a submitted entry: its confirmation case opens, and nothing else. */
    void entryHeld(EntryHeld held) {
        provisional.held(held);
    }

    /**
     * A BLOCK at upload needs no review (the upload was refused), nor a retroactive hit on content
     * that its check blocked; a match against an entry no person has confirmed joins that entry's
     * case; anything else joins the case that already covers the content or opens a case, linked
     * to the case whose hash found it. A copy of reported content keeps that report's deadline
     * while it is still ahead. The uploader comes with the event: at upload the registry row is
     * written after the match is published.
     */
    void matchFound(MatchFound match) {
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
                match.foundAt(),
                match.variant());
        Optional<String> uploader = match.uploader().map(UploaderId::value);
        Optional<CaseRef> covering = cases.caseOfContent(match.contentId().value());
        if (covering.isPresent()) {
            boolean removed = cases.contents(covering.get()).stream()
                    .anyMatch(c -> c.contentId().equals(match.contentId().value())
                            && c.removedAt().isPresent());
            if (!removed) {
                cases.addContent(covering.get(), match.contentId().value(), uploader);
                cases.addMatch(covering.get(), found);
                log.step(
                        covering.get(),
                        CaseLog.SYSTEM,
                        HistoryStep.MATCH_JOINED,
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
        cases.addContent(opened.ref(), match.contentId().value(), uploader);
        media.hold(match.contentId().value(), opened.ref());
        cases.addMatch(opened.ref(), found);
        log.step(
                opened.ref(),
                CaseLog.SYSTEM,
                HistoryStep.OPENED,
                Optional.of("HASH_MATCH " + match.bank().value() + "/" + match.entryId()
                        + linked.map(l -> " copy of " + l.value()).orElse("")));
        log.audit(CaseLog.SYSTEM, "case.opened", opened.ref());
    }

    /**
     * A reporter complained (UK OSA s.21(2A), the expedited route). A case closed as no violation
     * is reopened for a senior moderator other than the one who closed it; a case still waiting
     * goes to the seniors at once; any other case only records it.
     */
    void complaintReceived(CaseRef ref) {
        Optional<ReviewCase> found = cases.find(ref);
        if (found.isEmpty()) {
            return;
        }
        ReviewCase before = found.get();
        ReviewCase after = before.complainedAbout();
        if (!after.equals(before)) {
            log.save(after);
        }
        log.step(
                ref,
                CaseLog.SYSTEM,
                switch (before.state()) {
                    case NO_VIOLATION -> HistoryStep.REOPENED_BY_COMPLAINT;
                    case OPEN -> HistoryStep.ESCALATED_BY_COMPLAINT;
                    case ESCALATED, AWAITING_REMOVAL, REMOVED, WITHDRAWN, UPHELD, REVERSED ->
                        HistoryStep.COMPLAINT_RECEIVED;
                });
        log.audit(CaseLog.SYSTEM, "case.complaint-received", ref);
    }
}
