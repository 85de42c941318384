package org.redress.server.review.follow;

import java.util.Optional;
import org.redress.server.enforcement.DeliveryAcknowledged;
import org.redress.server.enforcement.DeliveryGivenUp;
import org.redress.server.enforcement.DeliveryType;
import org.redress.server.intake.ComplaintReceived;
import org.redress.server.intake.ReportReceived;
import org.redress.server.intake.ReportWithdrawn;
import org.redress.server.matching.EntryHeld;
import org.redress.server.matching.MatchFound;
import org.redress.server.review.ComplaintDesk;
import org.redress.server.review.HistoryStep;
import org.redress.server.review.Review;
import org.redress.server.review.cases.ReviewCases;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows intake, matching and enforcement inside their transactions, so that a report, a match
 * or a platform's acknowledgement and its effect on review commit together (or not at all).
 */
@Component
class ReviewFollower {

    private final Review review;
    private final ReviewCases cases;
    private final ComplaintDesk complaints;

    ReviewFollower(Review review, ReviewCases cases, ComplaintDesk complaints) {
        this.review = review;
        this.cases = cases;
        this.complaints = complaints;
    }

    @EventListener
    void on(ReportReceived report) {
        review.reportReceived(report);
    }

    @EventListener
    void on(ReportWithdrawn withdrawn) {
        review.reportsWithdrawn(withdrawn.caseRef());
    }

    @EventListener
    void on(ComplaintReceived complaint) {
        review.complaintReceived(complaint.caseRef());
        complaints.received(complaint);
    }

    @EventListener
    void on(MatchFound match) {
        review.matchFound(match);
    }

    @EventListener
    void on(EntryHeld held) {
        review.entryHeld(held);
    }

    @EventListener
    void on(DeliveryAcknowledged acknowledged) {
        if (acknowledged.type() == DeliveryType.CONTENT_REMOVE) {
            review.removalConfirmed(acknowledged.id(), acknowledged.acknowledgedAt());
        }
    }

    /** A removal the platform never acknowledged: the case shows it, and the clock keeps running. */
    @EventListener
    void on(DeliveryGivenUp givenUp) {
        cases.removalByDelivery(givenUp.id().value())
                .ifPresent(removal -> cases.appendHistory(
                        removal.getKey(),
                        givenUp.at(),
                        "OPERATOR:review",
                        HistoryStep.DELIVERY_GIVEN_UP,
                        Optional.of(removal.getValue())));
    }
}
