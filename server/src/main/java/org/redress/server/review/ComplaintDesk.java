package org.redress.server.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.redress.server.identity.Identity;
import org.redress.server.identity.Role;
import org.redress.server.identity.Username;
import org.redress.server.intake.Complaint;
import org.redress.server.intake.ComplaintOutcome;
import org.redress.server.intake.ComplaintReceived;
import org.redress.server.intake.ComplaintType;
import org.redress.server.intake.Intake;
import org.redress.server.intake.ReporterComplaint;
import org.redress.server.matching.Matching;
import org.redress.server.review.cases.ReviewCases;
import org.redress.server.review.cases.ReviewComplaints;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.UploaderId;
import org.redress.server.storage.SqlDialect;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints with owners and answers. Every complaint, a reporter's (through their status link) or
 * an uploader's about an automated block (through their platform), gets a target time (the
 * expedited route for removal requests by the person shown or for them), an owner who did not
 * decide the case complained about, an outcome and a reply that reaches the complainant: a
 * reporter on their status page and by e-mail, an uploader through their platform. Every change is
 * audited.
 */
@Service
public class ComplaintDesk {

    private static final int QUEUE_LIMIT = 200;

    private final ReviewComplaints complaints;
    private final ReviewCases cases;
    private final Intake intake;
    private final Matching matching;
    private final Identity identity;
    private final ComplaintSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ComplaintDesk(
            ReviewComplaints complaints,
            ReviewCases cases,
            Intake intake,
            Matching matching,
            Identity identity,
            ComplaintSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.complaints = complaints;
        this.cases = cases;
        this.intake = intake;
        this.matching = matching;
        this.identity = identity;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A reporter complained: the complaint gets its target time, which the reporter sees on their
     * status page. Joins intake's transaction.
     */
    @Transactional
    public void received(ComplaintReceived event) {
        var complaint = ReviewComplaint.received(
                event.complaintId(),
                event.type(),
                Complainant.REPORTER,
                Optional.of(event.caseRef()),
                Optional.empty(),
                event.expedited(),
                event.receivedAt(),
                settings);
        if (complaints.insert(complaint, Optional.empty(), Optional.empty())) {
            intake.complaintAnswerBy(complaint.id(), complaint.dueAt());
            events.publishEvent(new ComplaintChanged(CaseLog.SYSTEM, "complaint.received", complaint.id()));
        }
    }

    /**
     * An uploader complains, through their platform, about an automated block of their upload
     * (Ofcom ICU D11): the complaint joins the case that checks the block, when there is one.
     *
     * @throws NoBlockedUploadException when no upload check of that uploader registered the content
     * @throws IllegalArgumentException when the text is blank or longer than {@link Complaint#MAX_TEXT}
     */
    @Transactional
    public ReviewComplaint blockComplaint(Actor platform, ContentId contentId, UploaderId uploader, String text) {
        if (text.isBlank() || text.length() > Complaint.MAX_TEXT) {
            throw new IllegalArgumentException("a complaint has 1 to " + Complaint.MAX_TEXT + " characters, not blank");
        }
        if (matching.registered(contentId)
                .filter(upload -> upload.uploaderId().equals(uploader))
                .isEmpty()) {
            throw new NoBlockedUploadException();
        }
        Instant now = now();
        Optional<CaseRef> covering = cases.caseOfContent(contentId.value());
        var complaint = ReviewComplaint.received(
                UUID.randomUUID().toString(),
                ComplaintType.AUTOMATED_BLOCK,
                Complainant.UPLOADER,
                covering,
                Optional.of(contentId.value()),
                false,
                now,
                settings);
        complaints.insert(complaint, Optional.of(uploader), Optional.of(text));
        covering.ifPresent(ref -> cases.appendHistory(
                ref, now, actorName(platform), HistoryStep.COMPLAINT_RECEIVED, Optional.of(complaint.id())));
        events.publishEvent(new ComplaintChanged(platform, "complaint.received", complaint.id()));
        return complaint;
    }

    /** Unanswered complaints, the earliest target first, then the newest answered ones. */
    @Transactional(readOnly = true)
    public List<ReviewComplaint> queue() {
        var all = new java.util.ArrayList<>(complaints.open(QUEUE_LIMIT));
        all.addAll(complaints.answered(QUEUE_LIMIT / 4));
        return List.copyOf(all);
    }

    /** @throws ComplaintNotFoundException for an unknown id */
    @Transactional(readOnly = true)
    public ComplaintFile file(String id) {
        ReviewComplaint complaint = find(id);
        String text = switch (complaint.complainant()) {
            case REPORTER ->
                complaint.caseRef().stream()
                        .flatMap(ref -> intake.complaints(ref).stream())
                        .filter(c -> c.id().equals(id))
                        .map(Complaint::text)
                        .findFirst()
                        .orElseThrow(ComplaintNotFoundException::new);
            case UPLOADER -> complaints.text(id).orElseThrow(ComplaintNotFoundException::new);
        };
        return new ComplaintFile(
                complaint, text, complaint.caseRef().flatMap(cases::find).map(ReviewCase::state), deciders(complaint));
    }

    /**
     * The moderator takes the complaint.
     *
     * @throws ComplaintNotFoundException for an unknown id
     * @throws DifferentModeratorRequiredException when the moderator decided the case complained about
     * @throws ComplaintOwnedException when another moderator owns it
     * @throws ComplaintAnsweredException when it was answered
     */
    @Transactional
    public ReviewComplaint claim(Moderator moderator, String id) {
        ReviewComplaint complaint = find(id);
        ReviewComplaint claimed = complaint.claimedBy(moderator.username(), deciders(complaint), now());
        if (claimed.equals(complaint)) {
            return complaint;
        }
        save(claimed);
        events.publishEvent(new ComplaintChanged(moderator.actor(), "complaint.claimed", id));
        return find(id);
    }

    /**
     * A senior moderator gives the complaint to another moderator.
     *
     * @throws SeniorModeratorRequiredException when the caller is not a senior moderator
     * @throws ReassignTargetInvalidException when the new owner is not an enabled moderator
     * @throws DifferentModeratorRequiredException when the new owner decided the case complained about
     */
    @Transactional
    public ReviewComplaint assign(Moderator senior, String id, String toUsername) {
        ReviewComplaint complaint = find(id);
        if (!senior.senior()) {
            throw new SeniorModeratorRequiredException(reference(complaint));
        }
        if (!isActiveModerator(toUsername)) {
            throw new ReassignTargetInvalidException(reference(complaint));
        }
        save(complaint.assignedTo(toUsername, deciders(complaint), now()));
        events.publishEvent(new ComplaintChanged(senior.actor(), "complaint.assigned", id));
        return find(id);
    }

    /**
     * The owner answers: the outcome and the reply reach the complainant (a reporter's status page
     * and e-mail; an uploader's platform), and the case's history records it.
     *
     * @throws NotComplaintOwnerException when the moderator does not own the complaint
     * @throws ComplaintAnsweredException when it was answered before
     * @throws IllegalArgumentException when the reply is blank or too long
     */
    @Transactional
    public ReviewComplaint answer(Moderator moderator, String id, ComplaintOutcome outcome, String reply) {
        ReviewComplaint complaint = find(id);
        Instant now = now();
        ReviewComplaint answered = complaint.answeredBy(moderator.username(), outcome, reply, now);
        save(answered);
        if (complaint.complainant() == Complainant.REPORTER) {
            intake.answerComplaint(moderator.actor(), id, new ReporterComplaint.Answer(outcome, reply, now));
        }
        complaint
                .caseRef()
                .filter(ref -> cases.find(ref).isPresent())
                .ifPresent(ref -> cases.appendHistory(
                        ref,
                        now,
                        actorName(moderator.actor()),
                        HistoryStep.COMPLAINT_ANSWERED,
                        Optional.of(outcome.name())));
        events.publishEvent(new ComplaintChanged(moderator.actor(), "complaint.answered:" + outcome.name(), id));
        return find(id);
    }

    /**
     * An uploader's complaint as their platform reads it.
     *
     * @throws ComplaintNotFoundException unless the id names an uploader's complaint
     */
    @Transactional(readOnly = true)
    public ReviewComplaint uploaderComplaint(String id) {
        return complaints
                .find(id)
                .filter(c -> c.complainant() == Complainant.UPLOADER)
                .orElseThrow(ComplaintNotFoundException::new);
    }

    /** The time now, at the precision both databases keep. */
    public Instant now() {
        return SqlDialect.truncate(clock.instant());
    }

    private ReviewComplaint find(String id) {
        return complaints.find(id).orElseThrow(ComplaintNotFoundException::new);
    }

    private void save(ReviewComplaint complaint) {
        if (!complaints.update(complaint)) {
            throw new CaseChangedException(reference(complaint));
        }
    }

    /** Who decided the case complained about; for a case opened by an appeal, also who decided before. */
    private Set<String> deciders(ReviewComplaint complaint) {
        return complaint.caseRef().stream()
                .flatMap(ref -> cases.decisions(ref).stream())
                .map(RecordedDecision::decidedBy)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String reference(ReviewComplaint complaint) {
        return complaint.caseRef().map(CaseRef::value).orElse(complaint.id());
    }

    private static String actorName(Actor actor) {
        return actor.kind() + ":" + actor.id();
    }

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
}
