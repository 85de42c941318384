package org.redress.server.evidence;

import java.util.Locale;

/**
 * The kinds of record the retention schedule keeps for a set time (ADR 0021). The audit log is not
 * one of them: its entries are kept for good, since the chain cannot lose a link.
 */
public enum RetentionKind {
    /** Images kept for review and as evidence (media's {@code redress.media.retention}, 30 days by default). */
    IIA_MEDIA,
    /** The record of an evidence export: who took which bundle, when and why. */
    EVIDENCE_EXPORT,
    /** A law-enforcement request and its chain of custody. */
    LAW_ENFORCEMENT_REQUEST,
    /** A CSEA referral's record and report reference (5 years, S.I. 2026/268). */
    CSEA_REFERRAL,
    /** The content and data of a CSEA referral (1 year, S.I. 2026/268). */
    CSEA_CONTENT;

    /** The name in the deletion log and the audit entry: {@code evidence-export}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
