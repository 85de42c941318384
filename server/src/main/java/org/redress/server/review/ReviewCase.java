package org.redress.server.review;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.shared.CaseRef;

/**
 * A case as review keeps it.
 *
 * @param ref the case reference (intake's for reports, review's own for matches)
 * @param origin report or match
 * @param linkedCase the case whose hash found this content, for copies
 * @param severity how grave
 * @param source who brought it
 * @param state where it stands
 * @param receivedAt when the first report or match arrived: the clock's start
 * @param deadline when removal is due
 * @param warnedAt when the deadline warning was recorded
 * @param breachedAt when the missed deadline was recorded
 * @param removedAt when the platform confirmed the last removal: the clock's stop
 * @param claim the current lease, if any (possibly expired)
 * @param version for optimistic locking
 */
public record ReviewCase(
        CaseRef ref,
        Origin origin,
        Optional<CaseRef> linkedCase,
        Severity severity,
        Source source,
        ReviewState state,
        Instant receivedAt,
        Instant deadline,
        Optional<Instant> warnedAt,
        Optional<Instant> breachedAt,
        Optional<Instant> removedAt,
        Optional<Claim> claim,
        long version) {

    public ReviewCase {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(linkedCase, "linkedCase");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(warnedAt, "warnedAt");
        Objects.requireNonNull(breachedAt, "breachedAt");
        Objects.requireNonNull(removedAt, "removedAt");
        Objects.requireNonNull(claim, "claim");
    }

    static ReviewCase opened(
            CaseRef ref,
            Origin origin,
            Optional<CaseRef> linkedCase,
            Severity severity,
            Source source,
            Instant receivedAt,
            Instant deadline) {
        return new ReviewCase(
                ref,
                origin,
                linkedCase,
                severity,
                source,
                ReviewState.OPEN,
                receivedAt,
                deadline,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0);
    }

    /** The moderator holding an unexpired lease at the given instant. */
    public Optional<String> claimantAt(Instant now) {
        return claim.filter(c -> c.heldAt(now)).map(Claim::moderator);
    }

    /** Time left until the deadline (negative once passed), or until the clock stopped. */
    public Duration remainingAt(Instant now) {
        return Duration.between(removedAt.orElse(now), deadline);
    }

    /** Whether the case is past its deadline with the clock still running, or was removed late. */
    public boolean breachedAt(Instant now) {
        return removedAt.map(r -> r.isAfter(deadline)).orElse(state.clockRunning() && now.isAfter(deadline));
    }

    /** Whether only a senior moderator may claim and decide it: escalated, child sexual abuse, or an appeal. */
    public boolean needsSenior() {
        return state == ReviewState.ESCALATED || severity == Severity.CHILD_SEXUAL_ABUSE || origin == Origin.APPEAL;
    }

    /**
     * The case claimed by the moderator until {@code now + lease} (renewing their own claim).
     *
     * @throws CaseNotDecidableException when the case no longer waits for a decision
     * @throws SeniorModeratorRequiredException when the case needs a senior moderator
     * @throws CaseClaimedException when another moderator holds an unexpired claim
     */
    ReviewCase claimedBy(Moderator moderator, Instant now, Duration lease) {
        requireWorkableBy(moderator);
        Optional<String> holder = claimantAt(now);
        if (holder.isPresent() && !holder.get().equals(moderator.username())) {
            throw new CaseClaimedException(ref.value());
        }
        return withClaim(Optional.of(new Claim(moderator.username(), now.plus(lease))));
    }

    /**
     * Checks that the moderator may decide the case now: it waits for a decision, they hold the
     * claim and, where the case needs one, they are a senior moderator.
     */
    void requireDecidableBy(Moderator moderator, Instant now) {
        requireDecidable();
        if (!claimantAt(now).map(moderator.username()::equals).orElse(false)) {
            throw new NotClaimantException(ref.value());
        }
        requireWorkableBy(moderator);
    }

    /** @throws CaseNotDecidableException when the case no longer waits for a decision */
    void requireDecidable() {
        if (!state.decidable()) {
            throw new CaseNotDecidableException(ref.value(), state);
        }
    }

    private void requireWorkableBy(Moderator moderator) {
        requireDecidable();
        if (needsSenior() && !moderator.senior()) {
            throw new SeniorModeratorRequiredException(ref.value());
        }
    }

    /**
     * The case after the decision. Appeal cases take appeal decisions only, and other cases never
     * take them; an escalated case is decided, not escalated again.
     *
     * @throws CaseNotDecidableException when the case no longer waits for a decision
     * @throws InvalidDecisionException when this case cannot take this decision
     */
    ReviewCase after(Decision decision) {
        requireDecidable();
        return switch (decision) {
            case Decision.OnAppeal a
            when origin != Origin.APPEAL ->
                throw new InvalidDecisionException("outcome", "UPHOLD and REVERSE decide appeal cases only");
            case Decision.Initial i
            when origin == Origin.APPEAL ->
                throw new InvalidDecisionException("outcome", "an appeal case is decided UPHOLD or REVERSE");
            case Decision.Escalate e
            when state == ReviewState.ESCALATED ->
                throw new InvalidDecisionException("outcome", "an escalated case is decided by its senior moderator");
            case Decision.Escalate e -> withState(ReviewState.ESCALATED).withClaim(Optional.empty());
            case Decision.LiftDeadline l
            when origin != Origin.REPORT ->
                throw new InvalidDecisionException("outcome", "LIFT_DEADLINE applies to reported cases only");
            // Back to the queue: someone still judges the content, against the ordinary target.
            case Decision.LiftDeadline l -> withClaim(Optional.empty());
            case Decision.NoViolation n -> withState(ReviewState.NO_VIOLATION);
            // A provisional entry's case removes nothing at the platform: its blocked uploads were never
            // online, and confirming the entry is the whole of the removal.
            case Decision.Remove r when origin == Origin.PROVISIONAL -> withState(ReviewState.REMOVED);
            case Decision.Remove r -> withState(ReviewState.AWAITING_REMOVAL);
            case Decision.Refer r -> referred();
            case Decision.Uphold u -> withState(ReviewState.UPHELD);
            case Decision.Reverse r -> withState(ReviewState.REVERSED);
        };
    }

    /**
     * The case after a reporter's complaint: a case closed as no violation, or still waiting, goes
     * to the senior moderators; any other case is left as it is.
     */
    ReviewCase complainedAbout() {
        return switch (state) {
            case NO_VIOLATION -> withState(ReviewState.ESCALATED);
            case OPEN -> withState(ReviewState.ESCALATED).withClaim(Optional.empty());
            case ESCALATED, AWAITING_REMOVAL, REMOVED, WITHDRAWN, UPHELD, REVERSED -> this;
        };
    }

    /** The case a new report joins: one closed without action opens again with that report's clock. */
    ReviewCase joinedByReport(
            Severity otherSeverity, Source otherSource, Instant receivedAgain, Instant otherDeadline) {
        ReviewCase base = state == ReviewState.NO_VIOLATION || state == ReviewState.WITHDRAWN
                ? reopened(receivedAgain, otherDeadline)
                : this;
        return base.joinedBy(otherSeverity, otherSource, otherDeadline);
    }

    /** The case once every report was withdrawn; only a case waiting for a decision closes. */
    Optional<ReviewCase> withdrawn() {
        return state.decidable() ? Optional.of(withState(ReviewState.WITHDRAWN)) : Optional.empty();
    }

    ReviewCase withState(ReviewState next) {
        return new ReviewCase(
                ref,
                origin,
                linkedCase,
                severity,
                source,
                next,
                receivedAt,
                deadline,
                warnedAt,
                breachedAt,
                removedAt,
                next.decidable() ? claim : Optional.empty(),
                version);
    }

    ReviewCase withClaim(Optional<Claim> next) {
        return new ReviewCase(
                ref,
                origin,
                linkedCase,
                severity,
                source,
                state,
                receivedAt,
                deadline,
                warnedAt,
                breachedAt,
                removedAt,
                next,
                version);
    }

    ReviewCase joinedBy(Severity otherSeverity, Source otherSource, Instant otherDeadline) {
        Instant earliest = otherDeadline.isBefore(deadline) ? otherDeadline : deadline;
        return new ReviewCase(
                ref,
                origin,
                linkedCase,
                severity.graver(otherSeverity),
                source.moreUrgent(otherSource),
                state,
                receivedAt,
                earliest,
                warnedAt,
                breachedAt,
                removedAt,
                claim,
                version);
    }

    /** Reopened by a new report after a no-violation decision: a fresh clock from that report. */
    ReviewCase reopened(Instant receivedAgain, Instant newDeadline) {
        return new ReviewCase(
                ref,
                origin,
                linkedCase,
                severity,
                source,
                ReviewState.OPEN,
                receivedAgain,
                newDeadline,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                version);
    }

    /** Judged child sexual abuse material: removal pending, and graver from now on. */
    ReviewCase referred() {
        return new ReviewCase(
                ref,
                origin,
                linkedCase,
                Severity.CHILD_SEXUAL_ABUSE,
                source,
                ReviewState.AWAITING_REMOVAL,
                receivedAt,
                deadline,
                warnedAt,
                breachedAt,
                removedAt,
                Optional.empty(),
                version);
    }

    /**
     * The case once the 48-hour duty is found not to apply (UK OSA s.10(3B)): due by the ordinary
     * target instead, never earlier than before, with a fresh warning to come. A breach already
     * recorded stays on the record.
     */
    ReviewCase dueBy(Instant ordinaryDeadline) {
        return rescheduled(ordinaryDeadline.isAfter(deadline) ? ordinaryDeadline : deadline);
    }

    /** The case due by {@code latest} at the latest (a threat to life puts it at the head of the queue). */
    ReviewCase dueNoLaterThan(Instant latest) {
        return latest.isBefore(deadline) ? rescheduled(latest) : this;
    }

    /** Due at {@code next}: a fresh warning to come, unless the old deadline was already missed (kept on record). */
    private ReviewCase rescheduled(Instant next) {
        return new ReviewCase(
                ref,
                origin,
                linkedCase,
                severity,
                source,
                state,
                receivedAt,
                next,
                breachedAt.isPresent() ? warnedAt : Optional.empty(),
                breachedAt,
                removedAt,
                claim,
                version);
    }

    ReviewCase warned(Instant at) {
        return new ReviewCase(
                ref,
                origin,
                linkedCase,
                severity,
                source,
                state,
                receivedAt,
                deadline,
                Optional.of(at),
                breachedAt,
                removedAt,
                claim,
                version);
    }

    ReviewCase breached(Instant at) {
        return new ReviewCase(
                ref,
                origin,
                linkedCase,
                severity,
                source,
                state,
                receivedAt,
                deadline,
                Optional.of(warnedAt.orElse(at)),
                Optional.of(at),
                removedAt,
                claim,
                version);
    }

    ReviewCase removed(Instant at) {
        return new ReviewCase(
                ref,
                origin,
                linkedCase,
                severity,
                source,
                ReviewState.REMOVED,
                receivedAt,
                deadline,
                warnedAt,
                breachedAt,
                Optional.of(at),
                Optional.empty(),
                version);
    }
}
