package org.redress.server.review;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.redress.server.review.cases.ReviewCases;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.storage.SqlDialect;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What every part of review does after a change: saves the case under its version, records the
 * step in the case's history and publishes the change for the audit log, all in the caller's
 * transaction.
 */
@Component
class CaseLog {

    static final Actor SYSTEM = new Actor.Operator("review");

    private final ReviewCases cases;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseLog(ReviewCases cases, ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.clock = clock;
    }

    /** @throws CaseChangedException when the case changed since it was read */
    void save(ReviewCase reviewCase) {
        if (!cases.update(reviewCase)) {
            throw new CaseChangedException(reviewCase.ref().value());
        }
    }

    void step(CaseRef ref, Actor actor, HistoryStep step, Optional<String> detail) {
        cases.appendHistory(ref, now(), actor.kind() + ":" + actor.id(), step, detail);
    }

    void step(CaseRef ref, Actor actor, HistoryStep step) {
        step(ref, actor, step, Optional.empty());
    }

    /** Publishes the change for the audit log. */
    void audit(Actor actor, String action, CaseRef ref) {
        events.publishEvent(new ReviewChanged(actor, action, ref));
    }

    /** The time of a change, at the precision both databases keep. */
    Instant now() {
        return SqlDialect.truncate(clock.instant());
    }
}
