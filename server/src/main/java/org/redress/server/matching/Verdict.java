package org.redress.server.matching;

/** The answer to an upload check. Declared from the strictest down. */
public enum Verdict {
    BLOCK,
    REVIEW,
    ALLOW;

    /** The stricter of the two. */
    Verdict stricter(Verdict other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
