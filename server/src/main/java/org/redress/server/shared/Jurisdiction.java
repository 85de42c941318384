package org.redress.server.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whose law a statement of reasons cites for intimate image abuse: the platform declares it for
 * the content or its uploader (a check's or report's {@code jurisdiction}, else the setting
 * {@code redress.jurisdiction.default}). The offences differ within the UK, so the UK's three
 * jurisdictions are told apart; EU member states share one entry, whose ground is the platform's
 * terms unless it names the national provision it relies on. {@link #UK_AND_US} is what every
 * statement cited before jurisdictions were declared, and stays the default.
 */
public enum Jurisdiction {
    /** Sharing or threatening to share an intimate photograph or film. */
    ENGLAND_AND_WALES("Sexual Offences Act 2003 s.66B (England and Wales), as inserted by the Online Safety Act 2023; "
            + "a priority offence under the Online Safety Act 2023 Sch. 7"),
    /** Disclosing, or threatening to disclose, an intimate photograph or film. */
    SCOTLAND("Abusive Behaviour and Sexual Harm (Scotland) Act 2016 s.2"),
    /** Disclosing private sexual photographs and films with intent to cause distress. */
    NORTHERN_IRELAND("Justice Act (Northern Ireland) 2016 s.51"),
    /** The whole UK, when the platform does not say which part. */
    UNITED_KINGDOM("Sexual Offences Act 2003 s.66B (England and Wales); Abusive Behaviour and Sexual Harm (Scotland) "
            + "Act 2016 s.2; Justice Act (Northern Ireland) 2016 s.51; Online Safety Act 2023 Sch. 7"),
    /** Publication of intimate visual depictions, and the platforms' notice and removal duty. */
    UNITED_STATES("TAKE IT DOWN Act (Pub. L. 119-12): 47 U.S.C. 223(h) and 223a"),
    /**
     * An EU or EEA member state: the platform's terms, since the criminal law differs by state and
     * Directive (EU) 2024/1385 Art. 5 is not yet transposed everywhere; a platform that relies on a
     * national provision configures it.
     */
    EU_MEMBER_STATE("the platform's terms of service on intimate image abuse"),
    /** Before jurisdictions were declared: the UK offence and the US Act together. */
    UK_AND_US("Sexual Offences Act 2003 s.66B (England and Wales); Online Safety Act 2023 s.10 and Sch. 7 "
            + "(priority offence); US TAKE IT DOWN Act s.3");

    /** The EU and EEA states, by ISO 3166-1 code as the DSA Transparency Database lists them. */
    public static final Set<String> EEA_STATES = Set.of(
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IS", "IT", "LI",
            "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK");

    private final String provisions;

    Jurisdiction(String provisions) {
        this.provisions = provisions;
    }

    /** The provisions a statement of reasons cites, built in. */
    public String provisions() {
        return provisions;
    }

    /**
     * The jurisdiction a code names: an ISO 3166-2 subdivision of the UK ({@code GB-ENG},
     * {@code GB-WLS}, {@code GB-EAW}, {@code GB-SCT}, {@code GB-NIR}), {@code GB} or {@code UK},
     * {@code US} (or a state, {@code US-CA}), {@code EU} or an EU/EEA state's code, or this enum's
     * own names; case and surrounding space do not matter.
     */
    public static Optional<Jurisdiction> of(String code) {
        String c = code.strip().toUpperCase(Locale.ROOT).replace('_', '-');
        return Optional.ofNullable(
                switch (c) {
                    case "GB-ENG", "GB-WLS", "GB-EAW", "ENGLAND-AND-WALES" -> ENGLAND_AND_WALES;
                    case "GB-SCT", "SCOTLAND" -> SCOTLAND;
                    case "GB-NIR", "NORTHERN-IRELAND" -> NORTHERN_IRELAND;
                    case "GB", "UK", "UNITED-KINGDOM" -> UNITED_KINGDOM;
                    case "US", "UNITED-STATES" -> UNITED_STATES;
                    case "EU", "EU-MEMBER-STATE" -> EU_MEMBER_STATE;
                    case "UK-AND-US" -> UK_AND_US;
                    default -> {
                        if (c.startsWith("US-")) {
                            yield UNITED_STATES;
                        }
                        yield EEA_STATES.contains(c) ? EU_MEMBER_STATE : null;
                    }
                });
    }

    /** Whether the DSA applies to content restricted for this jurisdiction's users. */
    public boolean inEea() {
        return this == EU_MEMBER_STATE;
    }
}
