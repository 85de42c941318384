package org.redress.server.referral;

/** Where a referral stands; each state but the last two is a step the sender still has to take. */
public enum ReferralState {
    /** Decided: the report is not built yet. */
    QUEUED,
    /** Built and checked; waiting for its first submission to the agency's endpoint. */
    READY,
    /** The agency accepted the report and returned its id; the report is not finished yet. */
    SUBMITTED,
    /** Finished at the agency: its report id is the reference kept. */
    SENT,
    /**
     * Built, but no endpoint is configured for the agency: compliance staff file it through the
     * agency's own portal and record the reference the agency gives them.
     */
    MANUAL;
}
