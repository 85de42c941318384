package org.redress.server.intake;

/**
 * What a complaint is about (UK OSA s.21(2A), Ofcom ICU D11, EU DSA Art. 20). Reporters complain
 * about the first three through their status link; an uploader complains about an automated block
 * through their platform (review receives those).
 */
public enum ComplaintType {
    /** A decision on the case: the content stayed up, or was restored on appeal. */
    DECISION,
    /** The case takes too long. */
    DELAY,
    /** How reporting works: the form, the declarations, the messages. */
    REPORTING_PROCESS,
    /** An upload was blocked by automated hash matching (the uploader's complaint). */
    AUTOMATED_BLOCK;

    /** Whether a reporter may file this type (an automated block is the uploader's to complain about). */
    public boolean fromReporters() {
        return this != AUTOMATED_BLOCK;
    }

    /**
     * The type of a reporter's complaint that named none: about the decision once the case ended,
     * about delay while it is still open.
     */
    static ComplaintType inferred(CaseState state) {
        return state.ended() ? DECISION : DELAY;
    }
}
