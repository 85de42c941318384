package org.redress.server.intake;

/**
 * What the trusted-flagger register said of a report's FLAGGER key when the report arrived. Only
 * {@link #CURRENT} gives the report a trusted flagger's priority (EU DSA Art. 22(1)); the others
 * are handled as ordinary reports, which still count and are still decided.
 */
public enum FlaggerStanding {
    /** The key belongs to a register entry whose status runs on the day of receipt. */
    CURRENT("trusted flagger, status current"),
    /** The key belongs to an entry whose status begins later: handled as an ordinary report. */
    NOT_YET("trusted flagger status not yet begun: handled as an ordinary report"),
    /** The key belongs to an entry whose status ended: handled as an ordinary report. */
    EXPIRED("trusted flagger status expired: handled as an ordinary report"),
    /** The key is in no register entry: handled as an ordinary report. */
    NOT_REGISTERED("flagger key not in the register: handled as an ordinary report");

    private final String plain;

    FlaggerStanding(String plain) {
        this.plain = plain;
    }

    /** The standing in words for the case page. */
    public String plain() {
        return plain;
    }
}
