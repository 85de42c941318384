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
