package org.redress.server.review.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.server.intake.ReportReason;
import org.redress.server.review.AccountStanding;
import org.redress.server.review.CaseContent;
import org.redress.server.review.CaseMatch;
import org.redress.server.review.HistoryEntry;
import org.redress.server.review.HistoryStep;
import org.redress.server.review.MediaPreference;
import org.redress.server.review.RecordedDecision;
import org.redress.server.review.ReviewCase;
import org.redress.server.review.ReviewState;
import org.redress.server.shared.CaseRef;

/** Review's storage: cases, their content, matches, decisions, history, uploaders and preferences. */
public interface ReviewCases {

    void insert(ReviewCase reviewCase);

    Optional<ReviewCase> find(CaseRef ref);

    /**
     * The cases that link to this one ({@code linked_case}): its appeals, and the copies its hash
     * found; oldest first, at most {@code limit}.
     */
    List<CaseRef> linkingTo(CaseRef ref, int limit);

    /** Writes the case if its version is unchanged, and bumps the version; false when it changed meanwhile. */
    boolean update(ReviewCase reviewCase);

    /** Sets the reason the case is read by (the most urgent of its reports'), and its urgency with it. */
    void recordReason(CaseRef ref, ReportReason reason);

    /** The reasons of those cases that have one (cases opened by matches have none). */
    Map<CaseRef, ReportReason> reasons(Collection<CaseRef> refs);

    /**
     * Cases in the given states up to a severity, most urgent first: deadline, then urgent reasons,
     * then severity, then source.
     */
    List<ReviewCase> queue(Collection<ReviewState> states, int maxSeverityRank, int limit);

    /** The newest case covering the content, appeal cases aside (a match never joins an appeal). */
    Optional<CaseRef> caseOfContent(String contentId);

    /** Takes a content item off a case; only for items no removal was requested for. */
    void removeContent(CaseRef ref, String contentId);

    /** Adds the content to the case unless it is there; records the uploader when newly known. */
    void addContent(CaseRef ref, String contentId, Optional<String> uploaderId);

    List<CaseContent> contents(CaseRef ref);

    void markRemovalRequested(CaseRef ref, String contentId, String deliveryId, Instant at);

    /** The case and content a removal delivery was for. */
    Optional<Map.Entry<CaseRef, String>> removalByDelivery(String deliveryId);

    void markRemoved(CaseRef ref, String contentId, Instant at);

    void addMatch(CaseRef ref, CaseMatch match);

    List<CaseMatch> matches(CaseRef ref);

    void insertDecision(RecordedDecision decision);

    List<RecordedDecision> decisions(CaseRef ref);

    void appendHistory(CaseRef ref, Instant at, String actor, HistoryStep what, Optional<String> detail);

    List<HistoryEntry> history(CaseRef ref);

    /** Cases whose clock runs, with a deadline at or before {@code by}, not yet warned (or not yet breached). */
    List<ReviewCase> clockRunningWithDeadlineBy(Instant by, boolean unwarnedOnly);

    /** Counts one more confirmed removal against an uploader; returns their total. */
    int countRemoval(String uploaderId, Instant at);

    /** The uploader's standing; empty before their first confirmed removal. */
    Optional<AccountStanding> standing(String uploaderId);

    /** Records the uploader's warning unless they were warned before; false then. */
    boolean markWarned(String uploaderId, Instant at);

    /** Records a suspension until {@code until} unless one runs at {@code at}; false then. */
    boolean markSuspended(String uploaderId, Instant at, Instant until);

    /** Ends a suspension that runs at {@code at}; false when none runs. */
    boolean liftSuspension(String uploaderId, Instant at);

    int confirmedRemovals(String uploaderId);

    /** Takes back one confirmed removal from an uploader's count (a removal reversed on appeal). */
    void uncountRemoval(String uploaderId);

    /**
     * Encrypts uploader ids that rows written by earlier releases hold in plain text, and replaces
     * plain ids in the removal counts by their pseudonyms (merging counts when both exist).
     *
     * @return the rows changed
     */
    int sealLegacyUploaderRows();

    MediaPreference preference(String username);

    void savePreference(String username, MediaPreference preference);

    void insertReferral(CaseRef ref, String agency, String createdBy, Instant at);

    /** Cases per state. */
    Map<ReviewState, Integer> countByState();

    /** Cases per state up to a severity (every state present, zero when none). */
    Map<ReviewState, Integer> countByState(int maxSeverityRank);
}
