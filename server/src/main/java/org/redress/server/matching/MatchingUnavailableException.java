package org.redress.server.matching;

/** The index has not finished loading; the caller should retry shortly. */
public class MatchingUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MatchingUnavailableException() {
        super("the matching index is still loading");
    }
}
