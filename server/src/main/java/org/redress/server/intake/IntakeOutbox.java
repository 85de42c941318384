package org.redress.server.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Messages to reporters waiting to be sent. */
interface IntakeOutbox {

    /**
     * A message due for sending.
     *
     * @param id the message id, also its idempotency key towards the mail server
     * @param caseRef the case it is about
     * @param kind what to say
     * @param email the decrypted address, empty when the report has none
     * @param messagesStopped the reporter opted out since
     * @param attempts failed attempts so far
     */
    record Due(String id, CaseRef caseRef, String kind, Optional<String> email, boolean messagesStopped, int attempts) {
        @Override
        public String toString() {
            return "Due[id=" + id + ", caseRef=" + caseRef + ", kind=" + kind + ", email=redacted]";
        }
    }

    void enqueue(String reportId, String kind, Instant at);

    List<Due> due(Instant now, int limit);

    void markSent(String id, Instant at);

    void markCancelled(String id, Instant at);

    void retryLater(String id, Instant at);
}
