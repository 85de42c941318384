package org.redress.server.matching;

/** The index has not finished loading, or too many images are being decoded; the caller should retry shortly. */
public class MatchingUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MatchingUnavailableException() {
        this("the matching index is still loading");
    }

    public MatchingUnavailableException(String why) {
        super(why);
    }
}
