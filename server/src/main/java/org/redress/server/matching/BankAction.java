package org.redress.server.matching;

/** What a match in a bank means for an upload, from the strictest down. */
public enum BankAction {
    /** The upload must not be published. */
    BLOCK,
    /** The upload goes to a moderator before or after publication. */
    REVIEW,
    /** The match is recorded only. */
    LOG;

    /** The verdict this action gives on its own. */
    public Verdict verdict() {
        return switch (this) {
            case BLOCK -> Verdict.BLOCK;
            case REVIEW -> Verdict.REVIEW;
            case LOG -> Verdict.ALLOW;
        };
    }
}
