package org.redress.server.intake;

/**
 * Where a case stands for the people who reported it. Review's steps move it (intake hears of
 * them as {@link Progress}); {@code OPEN} until the case ends.
 */
public enum CaseState {
    /** At least one report of the case stands and no decision has ended it. */
    OPEN,
    /** The platform confirmed the content's removal. */
    REMOVED,
    /** The content was reviewed and not removed (not intimate image content, not found, ...). */
    NO_ACTION,
    /** Every report of the case was withdrawn. */
    WITHDRAWN,
    /** The content was removed and the case referred to the child-protection authorities. */
    REFERRED;

    /** Whether nothing a reporter does can change the case's outcome any more. */
    public boolean ended() {
        return this != OPEN;
    }

    /**
     * The state review's steps leave a standing case in: the newest outcome counts (a complaint may
     * reopen a case and a new decision follow), and a referral stays a referral once the platform
     * confirms the removal it asked for.
     */
    public static CaseState after(Iterable<String> steps) {
        CaseState state = OPEN;
        for (String step : steps) {
            for (Progress progress : Progress.values()) {
                if (progress.name().equals(step)) {
                    state = progress == Progress.REMOVED && state == REFERRED ? REFERRED : progress.leaves();
                }
            }
        }
        return state;
    }
}
