package org.redress.server.review;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.shared.CaseRef;

/**
 * A law-enforcement referral for a threat to life or safety (EU DSA Art. 18), created when a
 * moderator marks a case: who marked it and why, whom it goes to, by when, and when they were told.
 *
 * @param id the referral
 * @param caseRef the case marked
 * @param markedBy the moderator
 * @param markedAt when
 * @param reason the moderator's words (personal data: never logged)
 * @param contact the configured law-enforcement contact, when one is configured
 * @param dueAt when the contact must have been told: the referral's own clock
 * @param notifiedAt when the message to the contact went out
 */
public record ThreatReferral(
        String id,
        CaseRef caseRef,
        String markedBy,
        Instant markedAt,
        String reason,
        Optional<String> contact,
        Instant dueAt,
        Optional<Instant> notifiedAt) {

    /** The longest reason accepted, in characters. */
    public static final int MAX_REASON = 2_000;

    public ThreatReferral {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseRef, "caseRef");
        Objects.requireNonNull(markedBy, "markedBy");
        Objects.requireNonNull(markedAt, "markedAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(notifiedAt, "notifiedAt");
    }

    /** Where the referral stands, in a word the pages and the API show. */
    public String state() {
        if (notifiedAt.isPresent()) {
            return "NOTIFIED";
        }
        return contact.isPresent() ? "SENDING" : "NO_CONTACT_CONFIGURED";
    }

    @Override
    public String toString() {
        return "ThreatReferral[id=" + id + ", caseRef=" + caseRef.value() + ", reason=redacted]";
    }
}
