package org.redress.server.review;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.redress.server.enforcement.DeliveryId;
import org.redress.server.enforcement.Enforcement;
import org.redress.server.intake.ContentLocator;
import org.redress.server.matching.ContentCopies;
import org.redress.server.matching.Matching;
import org.redress.server.matching.RegisteredUpload;
import org.redress.server.review.cases.FollowUpQueue;
import org.redress.server.review.cases.ReviewCases;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.ContentUrl;
import org.redress.server.shared.UploaderId;
import org.springframework.stereotype.Component;

/**
 * A reported case's content from the moment of the report (docs/adr/0029): a report's locators
 * resolved to the platform's content ids through the registry, what cannot be resolved sent to the
 * platform ({@code report.received}) for it to attach its ids, and each item's registered copies
 * joining the case before any decision, so that one {@code REMOVE} removes them all under the
 * case's deadline. Runs inside the caller's transaction; the copy search runs after the commit, as
 * a follow-up ({@link FollowUps}).
 */
@Component
class CaseCopies {

    private final ReviewCases cases;
    private final ContentCopies copies;
    private final Matching matching;
    private final Enforcement enforcement;
    private final CaseMedia media;
    private final CaseLog log;
    private final FollowUpQueue followUps;

    CaseCopies(
            ReviewCases cases,
            ContentCopies copies,
            Matching matching,
            Enforcement enforcement,
            CaseMedia media,
            CaseLog log,
            FollowUpQueue followUps) {
        this.cases = cases;
        this.copies = copies;
        this.matching = matching;
        this.enforcement = enforcement;
        this.media = media;
        this.log = log;
        this.followUps = followUps;
    }

    /**
     * Adds what a report names to its case: each locator's registered content ids; a locator the
     * registry does not know joins under its own text, as before, and if it is a URL the platform
     * is asked (once per report) to resolve it.
     *
     * @return the content ids added, in the report's order
     */
    List<String> addReported(CaseRef ref, List<ContentLocator> locators) {
        Set<String> added = new LinkedHashSet<>();
        List<String> unresolved = new ArrayList<>();
        for (ContentLocator locator : locators) {
            List<ContentId> resolved = copies.resolve(locator);
            if (resolved.isEmpty()) {
                added.add(locator.value());
                if (locator.url().isPresent() && !unresolved.contains(locator.value())) {
                    unresolved.add(locator.value());
                }
            } else {
                resolved.forEach(id -> added.add(id.value()));
            }
        }
        added.forEach(contentId -> add(ref, contentId));
        if (!unresolved.isEmpty()) {
            DeliveryId asked = enforcement.requestLocatorResolution(CaseLog.SYSTEM, ref, unresolved);
            log.step(ref, CaseLog.SYSTEM, HistoryStep.LOCATORS_SENT, Optional.of(asked.value()));
        }
        return List.copyOf(added);
    }

    /**
     * The platform attaches its content ids to a reported case that waits for a decision. The
     * locators it resolved no longer stand in for them: a URL item that no check registered and no
     * removal was asked for leaves the case.
     *
     * @throws ReviewCaseNotFoundException when no reported case has the reference
     * @throws CaseNotDecidableException when the case was decided, withdrawn or removed already
     */
    List<String> attach(Actor actor, CaseRef ref, List<ContentId> contentIds) {
        ReviewCase reviewCase =
                cases.find(ref).filter(c -> c.origin() == Origin.REPORT).orElseThrow(ReviewCaseNotFoundException::new);
        if (!reviewCase.state().decidable()) {
            throw new CaseNotDecidableException(ref.value(), reviewCase.state());
        }
        Set<String> attached = new LinkedHashSet<>();
        contentIds.forEach(id -> attached.add(id.value()));
        for (CaseContent item : cases.contents(ref)) {
            String id = item.contentId();
            if (item.removalDelivery().isEmpty()
                    && !attached.contains(id)
                    && ContentUrl.parse(id).isPresent()
                    && !copies.registered(new ContentId(id))) {
                cases.removeContent(ref, id);
            }
        }
        for (String contentId : attached) {
            add(ref, contentId);
            log.step(ref, actor, HistoryStep.CONTENT_ATTACHED, Optional.of(contentId));
        }
        log.audit(actor, "case.content-attached", ref);
        return List.copyOf(attached);
    }

    /**
     * Lets the registered copies of a case's item join the case while it waits for a decision. A
     * copy already on the case, or on another case whose clock runs, is left where it is.
     *
     * @return false when no check registered the item yet: the search is tried again later
     */
    boolean joinCopies(CaseRef ref, String contentId) {
        Optional<ReviewCase> reviewCase = cases.find(ref);
        if (reviewCase.isEmpty() || !reviewCase.get().state().decidable()) {
            return true;
        }
        Optional<List<ContentCopies.Copy>> found = copies.copiesOf(new ContentId(contentId));
        if (found.isEmpty()) {
            return false;
        }
        Set<String> onCase = new HashSet<>();
        cases.contents(ref).forEach(item -> onCase.add(item.contentId()));
        int joined = 0;
        for (ContentCopies.Copy copy : found.get()) {
            String copyId = copy.contentId().value();
            if (onCase.contains(copyId) || elsewhere(ref, copyId)) {
                continue;
            }
            cases.addContent(ref, copyId, copy.uploader().map(UploaderId::value));
            media.hold(copyId, ref);
            onCase.add(copyId);
            log.step(
                    ref,
                    CaseLog.SYSTEM,
                    HistoryStep.COPY_JOINED,
                    Optional.of(copyId + " copy of " + contentId + " at distance " + copy.distance()));
            joined++;
        }
        if (joined > 0) {
            log.audit(CaseLog.SYSTEM, "case.copies-joined", ref);
        }
        return true;
    }

    private boolean elsewhere(CaseRef ref, String contentId) {
        return cases.caseOfContent(contentId)
                .filter(other -> !other.equals(ref))
                .flatMap(cases::find)
                .filter(other -> other.state().clockRunning())
                .isPresent();
    }

    /** Adds the item with its uploader (matching's record of its check) and queues its copy search. */
    private void add(CaseRef ref, String contentId) {
        cases.addContent(
                ref,
                contentId,
                matching.registered(new ContentId(contentId))
                        .map(RegisteredUpload::uploaderId)
                        .map(UploaderId::value));
        media.hold(contentId, ref);
        followUps.queue(ref, contentId, FollowUpQueue.Kind.FIND_COPIES, log.now());
    }
}
