package org.redress.server.referral;

/**
 * Where a referral stands; at QUEUED, READY, SUBMITTED and WITHDRAWING the sender still has a step
 * to take.
 */
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
    MANUAL,
    /**
     * Withdrawn by compliance staff after NCMEC opened the report: the sender retracts it at NCMEC
     * ({@code /retract}), then it is {@link #WITHDRAWN}.
     */
    WITHDRAWING,
    /** Withdrawn before it was finished: never a complete report at the agency. */
    WITHDRAWN;
}
