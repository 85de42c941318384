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
 * @param contactGiven this reporter left an e-mail address, so messages can be stopped
 * @param history dated events, oldest first
 * @param complaints this reporter's complaints, oldest first, with their answers
 */
public record CaseStatus(
        CaseRef caseRef,
        CaseState state,
        Route route,
        Optional<Instant> removalDeadline,
        boolean withdrawn,
        boolean messagesStopped,
        boolean contactGiven,
        List<Event> history,
        List<ReporterComplaint> complaints) {

    public CaseStatus {
        history = List.copyOf(history);
        complaints = List.copyOf(complaints);
    }

    /** Whether withdrawing can still change anything: this reporter's report stands and the case is open. */
    public boolean withdrawable() {
        return !withdrawn && !state.ended();
    }

    /** Whether the reporter can still ask for no more messages. */
    public boolean messagesStoppable() {
        return contactGiven && !messagesStopped;
    }

    /**
     * A dated step in the case.
     *
     * @param at when it happened
     * @param what a stable code such as {@code REPORT_RECEIVED}
     */
    public record Event(Instant at, String what) {}
}
