package org.redress.server.intake.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redress.server.shared.CaseRef;

/** Messages to reporters waiting to be sent. */
public interface IntakeOutbox {

    /** The kind of message that acknowledges a complaint. */
    String COMPLAINT_ACKNOWLEDGEMENT = "COMPLAINT_ACKNOWLEDGEMENT";

    /** The kind of message that carries the answer to a complaint. */
    String COMPLAINT_ANSWER = "COMPLAINT_ANSWER";

    /** The kind of message that carries the reporter's private status link, at their request. */
    String STATUS_LINK = "STATUS_LINK";

    /**
     * A message due for sending.
     *
     * @param id the message id, also its idempotency key towards the mail server
     * @param caseRef the case it is about
     * @param kind what to say
     * @param email the decrypted address, empty when the report has none
     * @param messagesStopped the reporter opted out since
     * @param attempts failed attempts so far
     * @param link the decrypted sealed text: the status link of a {@link #STATUS_LINK} message, the
     *     answer of a {@link #COMPLAINT_ANSWER} message; empty for the others
     */
    record Due(
            String id,
            CaseRef caseRef,
            String kind,
            Optional<String> email,
            boolean messagesStopped,
            int attempts,
            Optional<String> link) {
        @Override
        public String toString() {
            return "Due[id=" + id + ", caseRef=" + caseRef + ", kind=" + kind + ", email=redacted, link=redacted]";
        }
    }

    void enqueue(String reportId, String kind, Instant at);

    /** Queues the reporter's status link to the address they typed (sealed until sent). */
    void enqueueStatusLink(String reportId, String link, String email, Instant at);

    /** Queues the answer to a complaint (sealed until sent) to the report's own address. */
    void enqueueComplaintAnswer(String reportId, String answer, Instant at);

    List<Due> due(Instant now, int limit);

    /**
     * Claims up to {@code limit} due messages that no one holds a live claim on, for {@code lease}:
     * until it ends no other claim returns them, so mailers on several replicas never send the
     * same message twice. Sending, cancelling or rescheduling a message ends its claim.
     *
     * @param claimant names this claim; unique per call
     */
    List<Due> claim(String claimant, Instant now, Duration lease, int limit);

    void markSent(String id, Instant at);

    void markCancelled(String id, Instant at);

    void retryLater(String id, Instant at);
}
