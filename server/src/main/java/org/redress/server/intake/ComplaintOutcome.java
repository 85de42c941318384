package org.redress.server.intake;

/** How a complaint was answered, with the sentence the complainant reads before the moderator's reply. */
public enum ComplaintOutcome {
    /** The complaint was right and something was done about it (the reply says what). */
    UPHELD_ACTION_TAKEN("We agreed with your complaint and acted on it."),
    /** The complaint was right, but nothing more can be done (the content is gone, the case closed). */
    UPHELD_NO_FURTHER_ACTION("We agreed with your complaint. There was nothing more we could do on the case."),
    /** The complaint was looked at and the handling stands. */
    NOT_UPHELD("We looked into your complaint and decided that the way we handled it stands.");

    private final String plain;

    ComplaintOutcome(String plain) {
        this.plain = plain;
    }

    /** The sentence a complainant reads. */
    public String plain() {
        return plain;
    }
}
