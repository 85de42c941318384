package org.redress.server.intake;

/** The intake state of a case. */
public enum CaseState {
    /** At least one report of the case stands. */
    OPEN,
    /** Every report of the case was withdrawn. */
    WITHDRAWN
}
