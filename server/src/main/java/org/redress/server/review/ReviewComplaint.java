package org.redress.server.review;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.redress.server.intake.ComplaintOutcome;
import org.redress.server.intake.ComplaintType;
import org.redress.server.shared.CaseRef;

/**
 * A complaint as review handles it: its type, its target time, its owner and, once answered, the
 * outcome and the reply. The transitions guard the rules: the owner is never a moderator who
 * decided the case complained about; only the owner answers; an answer is final.
 *
 * @param id the complaint (intake's id for a reporter's complaint)
 * @param type what it is about
 * @param complainant who complained
 * @param caseRef the case complained about, when there is one
 * @param contentId the blocked upload, for an uploader's complaint
 * @param expedited on the expedited route (a removal request by the person shown or for them)
 * @param receivedAt when it arrived
 * @param dueAt its target time
 * @param owner the moderator who answers it, once claimed
 * @param ownedSince since when
 * @param answer the answer, once given
 * @param version for optimistic locking
 */
public record ReviewComplaint(
        String id,
        ComplaintType type,
        Complainant complainant,
        Optional<CaseRef> caseRef,
        Optional<String> contentId,
        boolean expedited,
        Instant receivedAt,
        Instant dueAt,
        Optional<String> owner,
        Optional<Instant> ownedSince,
        Optional<Answer> answer,
        long version) {

    /**
     * An answer.
     *
     * @param outcome how the complaint was answered
     * @param reply the words the complainant reads (may hold personal data: never printed)
     * @param by the moderator who answered
     * @param at when
     */
    public record Answer(ComplaintOutcome outcome, String reply, String by, Instant at) {

        /** The longest reply, in characters. */
        public static final int MAX_REPLY = 4_000;

        public Answer {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reply, "reply");
            if (reply.isBlank() || reply.length() > MAX_REPLY) {
                throw new IllegalArgumentException("a reply has 1 to " + MAX_REPLY + " characters, not blank");
            }
        }

        @Override
        public String toString() {
            return "Answer[outcome=" + outcome + ", reply=redacted, by=" + by + ", at=" + at + "]";
        }
    }

    public ReviewComplaint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(complainant, "complainant");
        Objects.requireNonNull(caseRef, "caseRef");
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(ownedSince, "ownedSince");
        Objects.requireNonNull(answer, "answer");
        if (owner.isPresent() != ownedSince.isPresent()) {
            throw new IllegalArgumentException("an owner comes with the time they took the complaint");
        }
        if (dueAt.isBefore(receivedAt)) {
            throw new IllegalArgumentException("a complaint's target time is after its receipt");
        }
        if ((complainant == Complainant.UPLOADER) != (type == ComplaintType.AUTOMATED_BLOCK)) {
            throw new IllegalArgumentException("uploaders complain about automated blocks, reporters about the rest");
        }
    }

    /** A complaint just received, with the target time its route gives it. */
    static ReviewComplaint received(
            String id,
            ComplaintType type,
            Complainant complainant,
            Optional<CaseRef> caseRef,
            Optional<String> contentId,
            boolean expedited,
            Instant at,
            ComplaintSettings settings) {
        Duration target = expedited ? settings.expeditedTarget() : settings.target();
        return new ReviewComplaint(
                id,
                type,
                complainant,
                caseRef,
                contentId,
                expedited,
                at,
                at.plus(target),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0);
    }

    /** Whether it was answered. */
    public boolean answered() {
        return answer.isPresent();
    }

    /** Whether its target time passed without an answer. */
    public boolean overdueAt(Instant now) {
        return !answered() && now.isAfter(dueAt);
    }

    /** The time left until the target (negative once overdue). */
    public Duration remainingAt(Instant now) {
        return Duration.between(now, dueAt);
    }

    /**
     * The complaint owned by the moderator who takes it (claiming it again is harmless).
     *
     * @param deciders who decided the case complained about: none of them may own the complaint
     * @throws ComplaintAnsweredException when it was answered
     * @throws DifferentModeratorRequiredException when the moderator decided the case
     * @throws ComplaintOwnedException when another moderator owns it
     */
    ReviewComplaint claimedBy(String moderator, Set<String> deciders, Instant at) {
        requireOwnable(moderator, deciders);
        if (owner.isPresent()) {
            if (owner.get().equals(moderator)) {
                return this;
            }
            throw new ComplaintOwnedException(id);
        }
        return withOwner(moderator, at);
    }

    /**
     * The complaint given to another moderator by a senior moderator (the previous owner, if any,
     * loses it).
     *
     * @throws ComplaintAnsweredException when it was answered
     * @throws DifferentModeratorRequiredException when the new owner decided the case
     */
    ReviewComplaint assignedTo(String moderator, Set<String> deciders, Instant at) {
        requireOwnable(moderator, deciders);
        return withOwner(moderator, at);
    }

    /**
     * The complaint answered by its owner.
     *
     * @throws ComplaintAnsweredException when it was answered before
     * @throws NotComplaintOwnerException when the moderator does not own it
     */
    ReviewComplaint answeredBy(String moderator, ComplaintOutcome outcome, String reply, Instant at) {
        if (answered()) {
            throw new ComplaintAnsweredException(id);
        }
        if (!owner.filter(moderator::equals).isPresent()) {
            throw new NotComplaintOwnerException(id);
        }
        return new ReviewComplaint(
                id,
                type,
                complainant,
                caseRef,
                contentId,
                expedited,
                receivedAt,
                dueAt,
                owner,
                ownedSince,
                Optional.of(new Answer(outcome, reply, moderator, at)),
                version);
    }

    private void requireOwnable(String moderator, Set<String> deciders) {
        if (answered()) {
            throw new ComplaintAnsweredException(id);
        }
        if (deciders.contains(moderator)) {
            throw new DifferentModeratorRequiredException(
                    caseRef.map(CaseRef::value).orElse(id));
        }
    }

    private ReviewComplaint withOwner(String moderator, Instant at) {
        return new ReviewComplaint(
                id,
                type,
                complainant,
                caseRef,
                contentId,
                expedited,
                receivedAt,
                dueAt,
                Optional.of(moderator),
                Optional.of(at),
                answer,
                version);
    }
}
