package org.redress.server.enforcement.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redress.server.enforcement.Delivery;
import org.redress.server.enforcement.DeliveryId;

/** The {@code enforcement_delivery} outbox. */
public interface Deliveries {

    /**
     * A delivery claimed for sending, with its stored body.
     *
     * @param delivery the delivery as it was claimed
     * @param body the exact bytes to send, fixed when it was queued
     * @param claim the claim token that must be presented to record the outcome
     */
    // The body is the exact bytes that are signed and sent; it is never compared or shown.
    @SuppressWarnings("ArrayRecordComponent")
    record Claimed(Delivery delivery, byte[] body, String claim) {
        @Override
        public String toString() {
            return "Claimed[id=" + delivery.id().value() + ", body=" + body.length + " bytes]";
        }
    }

    void insert(Delivery delivery, byte[] body);

    Optional<Delivery> find(DeliveryId id);

    List<Delivery> forCase(String caseRef);

    List<Delivery> inState(Delivery.State state, int limit);

    /**
     * Claims up to {@code limit} due deliveries that nobody holds (or whose holder's lease ran
     * out) until {@code leaseUntil}, under the token {@code claim}. Two concurrent callers never
     * get the same row.
     */
    List<Claimed> claimDue(String claim, Instant now, Instant leaseUntil, int limit);

    /**
     * Records a 2xx; false when the claim was lost (another dispatcher holds the row now) or it was acknowledged
     * already.
     */
    boolean acknowledge(DeliveryId id, String claim, int status, Instant at);

    /** Records a failed attempt and when to try next; false when the claim was lost. */
    boolean retryLater(DeliveryId id, String claim, Optional<Integer> status, String error, Instant next);

    /** Records the last failed attempt and stops retrying; false when the claim was lost. */
    boolean giveUp(DeliveryId id, String claim, Optional<Integer> status, String error, Instant at);

    /** Makes a given-up delivery due again at {@code at}; false unless it was given up. */
    boolean revive(DeliveryId id, Instant at);
}
