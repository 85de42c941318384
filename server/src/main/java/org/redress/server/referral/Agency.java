package org.redress.server.referral;

/** Who child sexual abuse material is referred to. */
public enum Agency {
    /** The UK's National Crime Agency (UK OSA s.66; S.I. 2026/268). */
    NCA,
    /** The US National Center for Missing and Exploited Children's CyberTipline (18 U.S.C. 2258A). */
    NCMEC;

    /** @throws IllegalArgumentException for a name that is neither agency */
    static Agency named(String name) {
        return switch (name.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "NCA" -> NCA;
            case "NCMEC" -> NCMEC;
            default -> throw new IllegalArgumentException("a referral agency is NCA or NCMEC");
        };
    }
}
