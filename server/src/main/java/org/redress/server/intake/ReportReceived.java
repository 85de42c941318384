package org.redress.server.intake;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.redress.server.shared.CaseRef;

/**
 * An intimate image report was received and joined or opened a case. Published inside the
 * report's transaction; review opens or updates its case from it. Carries no personal data.
 *
 * @param caseRef the case
 * @param contentLocators the content the report names
 * @param reporterRole who reported
 * @param receivedAt when the report was received
 * @param removalDeadline the case's removal deadline after this report
 * @param channel how it arrived, which sets the priority
 * @param subjectWasUnder18 the person shown was under 18: route as child sexual abuse material
 * @param reason what happened, as the offences read: sets the case's priority
 */
public record ReportReceived(
        CaseRef caseRef,
        List<ContentLocator> contentLocators,
        ReporterRole reporterRole,
        Instant receivedAt,
        Instant removalDeadline,
        Channel channel,
        boolean subjectWasUnder18,
        ReportReason reason) {

    public ReportReceived {
        Objects.requireNonNull(caseRef, "caseRef");
        contentLocators = List.copyOf(contentLocators);
        Objects.requireNonNull(reporterRole, "reporterRole");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(removalDeadline, "removalDeadline");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(reason, "reason");
    }

    /** A report that names no reason: {@link ReportReason#DEFAULT}. */
    public ReportReceived(
            CaseRef caseRef,
            List<ContentLocator> contentLocators,
            ReporterRole reporterRole,
            Instant receivedAt,
            Instant removalDeadline,
            Channel channel,
            boolean subjectWasUnder18) {
        this(
                caseRef,
                contentLocators,
                reporterRole,
                receivedAt,
                removalDeadline,
                channel,
                subjectWasUnder18,
                ReportReason.DEFAULT);
    }
}
