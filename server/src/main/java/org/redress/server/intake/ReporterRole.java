package org.redress.server.intake;

/** Who made a report, as they declared it. */
public enum ReporterRole {
    /** The person shown in the image. */
    SUBJECT,
    /** Someone authorised to act for the person shown (a parent, a lawyer, a helpline). */
    ON_BEHALF,
    /** Someone who saw the content and is neither. */
    BYSTANDER
}
