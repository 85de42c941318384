package org.redress.server.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redress.server.shared.CaseRef;

/**
 * One reporter's view of their case: no other reporter's details appear in it.
 *
 * @param caseRef the case
 * @param state the case's state
 * @param route where the case goes
 * @param removalDeadline when the content must be gone (reports only)
 * @param withdrawn this reporter withdrew their report
 * @param messagesStopped this reporter asked for no more messages
 * @param history dated events, oldest first
 */
public record CaseStatus(
        CaseRef caseRef,
        CaseState state,
        Route route,
        Optional<Instant> removalDeadline,
        boolean withdrawn,
        boolean messagesStopped,
        List<Event> history) {

    public CaseStatus {
        history = List.copyOf(history);
    }

    /**
     * A dated step in the case.
     *
     * @param at when it happened
     * @param what a stable code such as {@code REPORT_RECEIVED}
     */
    public record Event(Instant at, String what) {}
}
