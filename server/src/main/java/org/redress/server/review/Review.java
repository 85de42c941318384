package org.redress.server.review;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.server.enforcement.DeliveryId;
import org.redress.server.enforcement.Enforcement;
import org.redress.server.intake.Intake;
import org.redress.server.intake.ReportReceived;
import org.redress.server.matching.EntryHeld;
import org.redress.server.matching.MatchFound;
import org.redress.server.media.MediaId;
import org.redress.server.media.StoredMedia;
import org.redress.server.review.cases.ReviewCases;
import org.redress.server.review.decisions.StatementOfReasons;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.UploaderId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queue and its decisions: the module's facade and transaction boundary. Cases come
 * from intake's reports and matching's matches ({@link CaseOpening}); moderators claim them with a
 * lease and decide from a closed set ({@link Deciding}, {@link Decision}); a removal goes to the
 * platform as a signed webhook and the clock stops only at the platform's acknowledgement, after
 * which the content's hashes are banked ({@link RemovalClock}); images are shown through
 * {@link CaseMedia}. Every change is audited and recorded in the case's history in the same
 * transaction.
 */
@Service
public class Review {

    private final ReviewCases cases;
    private final Intake intake;
    private final Enforcement enforcement;
    private final CaseOpening opening;
    private final Deciding deciding;
    private final RemovalClock removals;
    private final CaseMedia media;
    private final AppealDesk appeals;
    private final FollowUps followUps;
    private final ThreatDesk threats;
    private final CaseCopies copies;

    Review(
            ReviewCases cases,
            Intake intake,
            Enforcement enforcement,
            CaseOpening opening,
            Deciding deciding,
            RemovalClock removals,
            CaseMedia media,
            AppealDesk appeals,
            FollowUps followUps,
            ThreatDesk threats,
            CaseCopies copies) {
        this.copies = copies;
        this.followUps = followUps;
        this.threats = threats;
        this.cases = cases;
        this.intake = intake;
        this.enforcement = enforcement;
        this.opening = opening;
        this.deciding = deciding;
        this.removals = removals;
        this.media = media;
        this.appeals = appeals;
    }

    /** Opens the case of a new report, or lets the report join its case (reopening one closed as no violation). */
    @Transactional
    public void reportReceived(ReportReceived report) {
        opening.reportReceived(report);
    }

    /**
     * The platform attaches its content ids to a reported case whose locators it resolved (after a
     * {@code report.received} webhook); each item's registered copies join the case after the commit.
     *
     * @return the content ids attached
     * @throws ReviewCaseNotFoundException when no reported case has the reference
     * @throws CaseNotDecidableException when the case was decided, withdrawn or removed already
     */
    @Transactional
    public List<String> attachContents(Actor actor, CaseRef ref, List<ContentId> contentIds) {
        return copies.attach(actor, ref, contentIds);
    }

    /** Every report of the case was withdrawn: a case still waiting for a decision closes. */
    @Transactional
    public void reportsWithdrawn(CaseRef ref) {
        opening.reportsWithdrawn(ref);
    }

    /**
     * A match at upload or in a retroactive scan. A BLOCK at upload needs no review (the upload was
     * refused); anything else joins the case that already covers the content or opens a case.
     */
    @Transactional
    public void matchFound(MatchFound match) {
        opening.matchFound(match);
    }

    /** The flood guard held a submitted entry: its confirmation case opens, and nothing else. */
    @Transactional
    public void entryHeld(EntryHeld held) {
        opening.entryHeld(held);
    }

    /**
     * A reporter complained (UK OSA s.21(2A), the expedited route). A case closed as no violation
     * is reopened for a senior moderator other than the one who closed it; a case still waiting
     * goes to the seniors at once; a removed or pending removal only records it.
     */
    @Transactional
    public void complaintReceived(CaseRef ref) {
        opening.complaintReceived(ref);
    }

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

    /**
     * The cases that link to this one: its appeals and the copies its hash found (each names this
     * case as its {@link ReviewCase#linkedCase()}), oldest first, at most {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<CaseRef> casesLinkingTo(CaseRef ref, int limit) {
        return cases.linkingTo(ref, limit);
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
        return removals.dashboard();
    }

    /**
     * Claims the case for the moderator for the lease period (renewing their own claim).
     *
     * @throws CaseClaimedException when another moderator holds an unexpired claim
     * @throws SeniorModeratorRequiredException for escalated, child-protection or appeal cases and a non-senior caller
     * @throws CaseNotDecidableException when the case no longer waits for a decision
     */
    @Transactional
    public ReviewCase claim(Moderator moderator, CaseRef ref) {
        deciding.claim(moderator, find(ref));
        return find(ref);
    }

    /**
     * Gives the moderator's claim back to the queue.
     *
     * @throws NotClaimantException when the moderator does not hold the claim
     */
    @Transactional
    public ReviewCase release(Moderator moderator, CaseRef ref) {
        deciding.release(moderator, find(ref));
        return find(ref);
    }

    /**
     * A senior moderator hands the case to another moderator (or takes it), whoever held it.
     *
     * @throws SeniorModeratorRequiredException when the caller is not a senior moderator
     */
    @Transactional
    public ReviewCase reassign(Moderator senior, CaseRef ref, String toUsername) {
        deciding.reassign(senior, find(ref), toUsername);
        return find(ref);
    }

    /**
     * Records the claimant's decision. A removal (or a referral, which also removes) asks the
     * platform to remove every content item of the case, each with its statement of reasons, in
     * the decision's transaction; the reporters are told.
     *
     * @throws NotClaimantException when the moderator does not hold an unexpired claim
     * @throws CaseChangedException when {@code expectedVersion} is stale or the case changed concurrently
     * @throws CaseNotDecidableException when the case no longer waits for a decision
     * @throws InvalidDecisionException when this case cannot take this decision
     */
    @Transactional
    public RecordedDecision decide(Moderator moderator, CaseRef ref, DecisionRequest request) {
        return deciding.decide(moderator, find(ref), request);
    }

    /**
     * The statement of reasons a restricting decision would send the uploader, for the moderator to
     * read before their own words go out; recording nothing. Empty for a decision that sends none.
     *
     * @throws NotClaimantException unless the moderator holds the case's claim
     */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> previewStatement(Moderator moderator, CaseRef ref, DecisionRequest request) {
        return deciding.preview(moderator, find(ref), request.decision()).map(StatementOfReasons::toMap);
    }

    /**
     * The platform acknowledged a removal: that content's clock stops; when every content item of
     * the case is removed the case is REMOVED. The content's hashes are banked (with its image's
     * rotations when kept), which scans earlier uploads for copies; the uploader's count of confirmed
     * removals grows, and past the threshold an {@code account.suspend} webhook is queued.
     */
    @Transactional
    public void removalConfirmed(DeliveryId delivery, Instant acknowledgedAt) {
        removals.removalConfirmed(delivery, acknowledgedAt);
    }

    /**
     * Records a warning for each case whose deadline is within the warning window and a breach for
     * each whose deadline passed with the clock still running.
     */
    @Transactional
    public SweepResult sweep() {
        return removals.sweep();
    }

    /**
     * Marks the case as a threat to life or safety (EU DSA Art. 18): a law-enforcement referral
     * with its own clock, the case due by it at the latest, and the configured contact told right
     * after the commit. Any moderator who may see the case may mark it.
     *
     * @throws InvalidThreatReasonException when the reason is blank or too long
     */
    @Transactional
    public ThreatReferral markThreat(Moderator moderator, CaseRef ref, String reason) {
        ReviewCase reviewCase = find(ref);
        requireSeniorForChildAbuse(moderator, reviewCase);
        return threats.mark(moderator, reviewCase, reason);
    }

    /** The case's threat referrals, oldest first. */
    @Transactional(readOnly = true)
    public List<ThreatReferral> threats(CaseRef ref) {
        return threats.of(ref);
    }

    /**
     * Banks the items whose removal the platform confirmed, after the acknowledgement committed:
     * each in its own transaction, a failure retried with backoff. Returns how many were done.
     */
    public int runFollowUps() {
        return followUps.run();
    }

    /**
     * An uploader's appeal, filed by their platform, against the newest decision that restricted
     * their content and was not reversed; it opens a case of origin {@code APPEAL}.
     *
     * @throws NoAppealableDecisionException when no decision restricted this content of this uploader
     * @throws AppealAlreadyFiledException when that decision was appealed already for this content
     * @throws AppealWindowClosedException when the appeal window has closed
     */
    @Transactional
    public AppealReceipt appeal(Actor platform, ContentId contentId, UploaderId uploaderId, String text) {
        Appealable restriction = appeals.restrictionOf(contentId.value(), uploaderId.value());
        return appeals.file(platform, restriction, requireAppealText(text), Appeal.Channel.PLATFORM);
    }

    /** What the hosted appeal page shows for an appeal link; empty for a link that opens nothing. */
    @Transactional(readOnly = true)
    public Optional<AppealPage> appealPage(String token) {
        return appeals.restrictionByToken(token)
                .map(r -> new AppealPage(
                        r.contentId(),
                        r.decidedAt(),
                        appeals.windowEnd(r),
                        appeals.windowOpen(r),
                        appeals.appealOf(r)
                                .map(a -> new AppealReceipt(
                                        a.appealRef(),
                                        a.receivedAt(),
                                        find(a.appealRef()).deadline()))));
    }

    /**
     * The uploader's appeal through the hosted page.
     *
     * @throws NoAppealableDecisionException when the link opens nothing
     * @throws AppealAlreadyFiledException when the decision was appealed already for this content
     * @throws AppealWindowClosedException when the appeal window has closed
     */
    @Transactional
    public AppealReceipt appealByLink(String token, String text) {
        Appealable restriction = appeals.restrictionByToken(token).orElseThrow(NoAppealableDecisionException::new);
        return appeals.file(new Actor.Public(), restriction, requireAppealText(text), Appeal.Channel.PAGE);
    }

    private static String requireAppealText(String text) {
        String stripped = text.strip();
        if (stripped.isEmpty() || stripped.length() > Appeal.MAX_TEXT) {
            throw new IllegalArgumentException("an appeal's text has 1 to " + Appeal.MAX_TEXT + " characters");
        }
        return stripped;
    }

    /** The appeal an appeal case is about. */
    @Transactional(readOnly = true)
    public Optional<Appeal> appealOfCase(CaseRef appealRef) {
        return appeals.appealOfCase(appealRef);
    }

    /** The images kept for the case's content, newest first per content. */
    @Transactional(readOnly = true)
    public List<StoredMedia> media(CaseRef ref) {
        return media.of(ref);
    }

    /**
     * A blurred greyscale preview of one of the case's images.
     *
     * @throws ReviewCaseNotFoundException when the image is not one of the case's
     */
    @Transactional(readOnly = true)
    public byte[] preview(Moderator moderator, CaseRef ref, MediaId id) {
        requireSeniorForChildAbuse(moderator, find(ref));
        return media.preview(ref, id);
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
        return media.reveal(moderator, ref, id);
    }

    @Transactional(readOnly = true)
    public MediaPreference preference(Moderator moderator) {
        return cases.preference(moderator.username());
    }

    @Transactional
    public void savePreference(Moderator moderator, MediaPreference preference) {
        cases.savePreference(moderator.username(), preference);
    }
}
