package org.redress.server.enforcement;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.UploaderId;

/**
 * One webhook and how its delivery is going. The body is not part of it: it may carry a statement
 * of reasons, which stays in the outbox.
 *
 * @param id the delivery id
 * @param type what the platform is asked to do
 * @param caseRef the case it comes from
 * @param contentId the content it is about, absent for an account suspension
 * @param uploaderId the account it is about (suspensions)
 * @param state where the delivery stands
 * @param createdAt when it was queued; the retry window starts here
 * @param attempts how many times it was sent
 * @param nextAttemptAt when it is sent next, absent once acknowledged or given up
 * @param lastStatus the HTTP status of the last answer
 * @param lastError why the last attempt failed: {@code HTTP 500}, or the kind of connection failure
 * @param acknowledgedAt when the platform answered 2xx
 * @param givenUpAt when retrying stopped
 */
public record Delivery(
        DeliveryId id,
        DeliveryType type,
        String caseRef,
        Optional<String> contentId,
        Optional<String> uploaderId,
        State state,
        Instant createdAt,
        int attempts,
        Optional<Instant> nextAttemptAt,
        Optional<Integer> lastStatus,
        Optional<String> lastError,
        Optional<Instant> acknowledgedAt,
        Optional<Instant> givenUpAt) {

    /** Where a delivery stands. */
    public enum State {
        /** Not sent yet. */
        PENDING,
        /** Sent and refused or unanswered; will be retried. */
        FAILING,
        /** The platform answered 2xx. */
        ACKNOWLEDGED,
        /** The retry window ended without an acknowledgement. */
        GIVEN_UP
    }

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(caseRef, "caseRef");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative: " + attempts);
        }
    }

    /** The case the delivery comes from; empty for a test webhook, which belongs to no case. */
    public Optional<CaseRef> forCase() {
        return caseRef.equals(Enforcement.TEST_CASE_REF) ? Optional.empty() : Optional.of(new CaseRef(caseRef));
    }

    /** The content the delivery is about; empty for an account suspension or a test webhook. */
    public Optional<ContentId> content() {
        return contentId.map(ContentId::new);
    }

    /** The account the delivery is about; present for an account suspension. */
    public Optional<UploaderId> uploader() {
        return uploaderId.map(UploaderId::new);
    }

    @Override
    public String toString() {
        return "Delivery[id=" + id.value() + ", type=" + type.wireName() + ", caseRef=" + caseRef + ", state=" + state
                + ", attempts=" + attempts + ", uploaderId=" + (uploaderId.isPresent() ? "redacted" : "none") + "]";
    }
}
