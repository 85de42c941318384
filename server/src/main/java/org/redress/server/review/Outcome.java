package org.redress.server.review;

/** The closed set of decisions a moderator can make on a case. */
public enum Outcome {
    /** Remove the content at the platform; its hashes are banked once removal is confirmed. */
    REMOVE,
    /** Not a violation, with a reason code of UK OSA s.10(3B); the case closes. */
    NO_VIOLATION,
    /** Send the case to a senior moderator. */
    ESCALATE,
    /** Child sexual abuse material: remove and record the referral for the NCA or NCMEC. */
    REFER
}
