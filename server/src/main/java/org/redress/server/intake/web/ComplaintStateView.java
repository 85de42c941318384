package org.redress.server.intake.web;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.redress.server.intake.ComplaintOutcome;
import org.redress.server.intake.ComplaintType;
import org.redress.server.intake.ReporterComplaint;

/** A reporter's complaint: its clock and, once answered, the outcome and the reply. */
record ComplaintStateView(
        String complaintId,
        ComplaintType type,
        Instant receivedAt,
        @Nullable Instant answerBy,
        @Nullable ComplaintOutcome outcome,
        @Nullable String outcomeText,
        @Nullable String reply,
        @Nullable Instant answeredAt) {

    static ComplaintStateView of(ReporterComplaint complaint) {
        var answer = complaint.answer();
        return new ComplaintStateView(
                complaint.complaintId(),
                complaint.type(),
                complaint.receivedAt(),
                complaint.answerBy().orElse(null),
                answer.map(ReporterComplaint.Answer::outcome).orElse(null),
                answer.map(a -> a.outcome().plain()).orElse(null),
                answer.map(ReporterComplaint.Answer::reply).orElse(null),
                answer.map(ReporterComplaint.Answer::answeredAt).orElse(null));
    }

    @Override
    public String toString() {
        return "ComplaintStateView[complaintId=" + complaintId + ", type=" + type + ", reply=redacted]";
    }
}
