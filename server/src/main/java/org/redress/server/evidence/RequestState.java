package org.redress.server.evidence;

/** Where a law-enforcement request stands. */
public enum RequestState {
    /** Recorded, waiting for another compliance officer to approve or refuse it. */
    AWAITING_DECISION,
    /** Approved: its bundle may be exported and handed over. */
    APPROVED,
    /** Refused with a reason: nothing is exported for it. */
    REFUSED,
    /** A bundle exported for it was delivered to or collected by the agency. */
    HANDED_OVER
}
