package org.redress.server.review;

/**
 * The steps a case's history records, stored by name in {@code review_history.what} (the names
 * are the codes earlier releases wrote, so older rows read back unchanged).
 */
public enum HistoryStep {
    OPENED,
    REOPENED,
    REPORT_JOINED,
    HIDE_REQUESTED,
    WITHDRAWN,
    MATCH_JOINED,
    /** The platform was asked to resolve the report's locators it alone can resolve ({@code report.received}). */
    LOCATORS_SENT,
    /** The platform attached one of its content ids to the case. */
    CONTENT_ATTACHED,
    /** A registered copy of one of the case's items joined the case before a decision. */
    COPY_JOINED,
    REOPENED_BY_COMPLAINT,
    ESCALATED_BY_COMPLAINT,
    COMPLAINT_RECEIVED,
    /** A complaint about the case was answered (the outcome is the detail). */
    COMPLAINT_ANSWERED,
    CLAIMED,
    CLAIM_RENEWED,
    RELEASED,
    REASSIGNED,
    DECIDED_REMOVE,
    DECIDED_NO_VIOLATION,
    DECIDED_ESCALATE,
    /** UK OSA s.10(3B): the 48-hour duty was found not to apply; the ordinary target replaced it. */
    DECIDED_LIFT_DEADLINE,
    DECIDED_REFER,
    DECIDED_UPHOLD,
    DECIDED_REVERSE,
    REFERRAL_RECORDED,
    REMOVAL_REQUESTED,
    REMOVAL_CONFIRMED,
    HASHES_BANKED,
    NO_HASHES_TO_BANK,
    REMOVED,
    SUSPENSION_REQUESTED,
    /** The uploader was warned that a further removal suspends their account. */
    ACCOUNT_WARNED,
    /** A suspension ended early: an appeal took back a removal it rested on. */
    SUSPENSION_LIFTED,
    /** A moderator marked the case as a threat to life or safety; its referral's clock started. */
    THREAT_MARKED,
    /** The law-enforcement contact was told of the threat. */
    THREAT_NOTIFIED,
    DEADLINE_WARNING,
    DEADLINE_BREACHED,
    DELIVERY_GIVEN_UP,
    MEDIA_REVEALED,
    /** On the appealed case: an uploader appealed one of its decisions. */
    APPEALED,
    /** On the appealed case: the appeal was upheld. */
    APPEAL_UPHELD,
    /** On the appealed case: the platform was sent the answer to an upheld appeal. */
    APPEAL_ANSWERED,
    /** On the appealed case: the appeal reversed its decision. */
    DECISION_REVERSED,
    RESTORE_REQUESTED,
    BANK_ENTRIES_DISABLED,
    STRIKE_WITHDRAWN,
    /** On a provisional entry's case: an upload the entry blocked joined it. */
    PROVISIONAL_BLOCK,
    /** On a provisional entry's case: the flood guard held the entry before it blocked anything. */
    HELD_BY_FLOOD_GUARD,
    /** On a provisional entry's case: the moderator confirmed the entry. */
    ENTRY_CONFIRMED,
    /** On a provisional entry's case: the moderator released the entry; its blocks are undone. */
    ENTRY_RELEASED;

    /** The step that records a decision. */
    static HistoryStep decided(Outcome outcome) {
        return switch (outcome) {
            case REMOVE -> DECIDED_REMOVE;
            case NO_VIOLATION -> DECIDED_NO_VIOLATION;
            case ESCALATE -> DECIDED_ESCALATE;
            case LIFT_DEADLINE -> DECIDED_LIFT_DEADLINE;
            case REFER -> DECIDED_REFER;
            case UPHOLD -> DECIDED_UPHOLD;
            case REVERSE -> DECIDED_REVERSE;
        };
    }
}
