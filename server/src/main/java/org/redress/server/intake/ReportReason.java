package org.redress.server.intake;

import java.util.Arrays;
import java.util.Optional;

/**
 * What happened, as the offences read: the reason a person gives for a report. Each reason maps to
 * exactly one priority, one kind of priority illegal content under the UK Online Safety Act 2023
 * (Ofcom's "harm kinds") and one category of the EU DSA Transparency Database (schema of 1 July
 * 2025) with one keyword, so that the queue, the case file and any statement of reasons read the
 * same report the same way. See {@code docs/report-reasons.md} for the sources.
 *
 * <p>Sections are of the Sexual Offences Act 2003 (SOA) as amended by the Online Safety Act 2023
 * (ss.66A-66D), the Data (Use and Access) Act 2025 s.138 (ss.66E-66F) and the Crime and Policing
 * Act 2026 (s.66AB); US references are to the TAKE IT DOWN Act (Pub. L. 119-12), which added
 * 47 U.S.C. 223(h) (offences) and set the platforms' notice-and-removal duty (its s.3).
 */
public enum ReportReason {
    /**
     * Shared without consent: SOA s.66B(1)-(3), sharing a photograph or film that shows or appears
     * to show the person in an intimate state. This is the "intimate image content" of OSA
     * s.10(3A) and s.20A; in the US, publication of an authentic depiction, 47 U.S.C. 223(h)(2).
     */
    SHARED_WITHOUT_CONSENT(Priority.HIGH, OsaHarm.INTIMATE_IMAGE_ABUSE, "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING"),

    /**
     * Threatened to be shared, sextortion included: SOA s.66B(4), threatening to share, meaning the
     * person (or someone who knows them) to fear it will be carried out, or reckless as to that;
     * 47 U.S.C. 223(h)(6) makes threats to publish, for intimidation, coercion or extortion, an
     * offence too. The content may not be online yet; the person is at risk now, so it is urgent.
     * A threat is not "intimate image content" of OSA s.10(3A), which reads s.66B(1)-(3) only.
     */
    THREATENED_TO_SHARE(Priority.URGENT, OsaHarm.INTIMATE_IMAGE_ABUSE, "KEYWORD_CYBER_HARASSMENT"),

    /**
     * A fake or altered image (deepfake): s.66B covers an image that "appears to show" the person
     * (s.66D brings in images made or altered by computer graphics); creating one is SOA s.66E and
     * asking for one s.66F. In the US, a "digital forgery", 47 U.S.C. 223(h)(1)(B) and (h)(3).
     */
    FAKE_OR_ALTERED(Priority.HIGH, OsaHarm.INTIMATE_IMAGE_ABUSE, "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE"),

    /**
     * Taken without consent (a hidden camera, upskirting): SOA s.66AB, taking or recording an
     * intimate photograph or film without consent, inserted by the Crime and Policing Act 2026.
     */
    TAKEN_WITHOUT_CONSENT(Priority.HIGH, OsaHarm.INTIMATE_IMAGE_ABUSE, "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING"),

    /**
     * Cyberflashing, an unwanted image of genitals sent to the person: SOA s.66A. Ofcom counts it as
     * a kind of priority illegal content of its own (Risk Assessment Guidance v2.0, June 2026). The
     * image is not of the person reporting, so it comes after the reasons about their own images.
     */
    CYBERFLASHING(Priority.STANDARD, OsaHarm.CYBERFLASHING, "KEYWORD_CYBER_HARASSMENT");

    /** A report that names no reason: the base offence and the report OSA s.20A defines. */
    public static final ReportReason DEFAULT = SHARED_WITHOUT_CONSENT;

    /** Every reason's name, for validating the API's field. */
    public static final String NAMES =
            "SHARED_WITHOUT_CONSENT|THREATENED_TO_SHARE|FAKE_OR_ALTERED|TAKEN_WITHOUT_CONSENT|CYBERFLASHING";

    /** The DSA Transparency Database category of every reason: all five are cyber violence. */
    public static final String DSA_CATEGORY = "STATEMENT_CATEGORY_CYBER_VIOLENCE";

    /** How soon a reason needs a moderator, among cases of equal deadline; higher comes first. */
    public enum Priority {
        STANDARD,
        HIGH,
        /** Marked urgent in the queue and listed first among equal deadlines. */
        URGENT
    }

    /** The kind of priority illegal content under the UK Online Safety Act 2023 (Ofcom's list). */
    public enum OsaHarm {
        INTIMATE_IMAGE_ABUSE,
        CYBERFLASHING
    }

    private final Priority priority;
    private final OsaHarm osaHarm;
    private final String dsaKeyword;

    ReportReason(Priority priority, OsaHarm osaHarm, String dsaKeyword) {
        this.priority = priority;
        this.osaHarm = osaHarm;
        this.dsaKeyword = dsaKeyword;
    }

    public Priority priority() {
        return priority;
    }

    public OsaHarm osaHarm() {
        return osaHarm;
    }

    /** The DSA Transparency Database category ({@code category}). */
    public String dsaCategory() {
        return DSA_CATEGORY;
    }

    /** The DSA Transparency Database keyword ({@code category_specification}). */
    public String dsaKeyword() {
        return dsaKeyword;
    }

    /** Whether the queue marks the case urgent: threats and sextortion. */
    public boolean urgent() {
        return priority == Priority.URGENT;
    }

    /** The more urgent of two; this one when they are as urgent, so a case keeps its first reason. */
    public ReportReason moreUrgent(ReportReason other) {
        return other.priority.compareTo(priority) > 0 ? other : this;
    }

    /** The reason of that name, if there is one. */
    public static Optional<ReportReason> named(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }
}
