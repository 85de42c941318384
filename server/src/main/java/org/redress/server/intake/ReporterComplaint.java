package org.redress.server.intake;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A complaint as the reporter who made it sees it on their status page: what it is about, when it
 * will be answered by, and the answer once there is one. The text they wrote is not repeated.
 *
 * @param complaintId the complaint
 * @param type what it is about
 * @param receivedAt when it arrived
 * @param answerBy the target time review set for the answer, once review took the complaint in
 * @param answer the answer, once given
 */
public record ReporterComplaint(
        String complaintId,
        ComplaintType type,
        Instant receivedAt,
        Optional<Instant> answerBy,
        Optional<Answer> answer) {

    public ReporterComplaint {
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(answerBy, "answerBy");
        Objects.requireNonNull(answer, "answer");
    }

    /**
     * An answer to a complaint.
     *
     * @param outcome how it was answered
     * @param reply the moderator's words to the complainant (may hold personal data: never printed)
     * @param answeredAt when
     */
    public record Answer(ComplaintOutcome outcome, String reply, Instant answeredAt) {

        /** The longest reply, in characters. */
        public static final int MAX_REPLY = 4_000;

        public Answer {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(answeredAt, "answeredAt");
            Objects.requireNonNull(reply, "reply");
            if (reply.isBlank() || reply.length() > MAX_REPLY) {
                throw new IllegalArgumentException("a reply has 1 to " + MAX_REPLY + " characters, not blank");
            }
        }

        @Override
        public String toString() {
            return "Answer[outcome=" + outcome + ", reply=redacted, answeredAt=" + answeredAt + "]";
        }
    }
}
