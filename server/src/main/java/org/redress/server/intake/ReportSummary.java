package org.redress.server.intake;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A report as a moderator sees it: who reported and what they wrote, but not their contact
 * details or signature (those stay sealed unless a moderator needs to reach the reporter).
 *
 * @param reportId the report's id
 * @param channel how it arrived
 * @param reporterRole who reported
 * @param subjectWasUnder18 the reporter said the person shown was under 18
 * @param hasContact whether the reporter left an address
 * @param description the reporter's own words
 * @param receivedAt when it arrived
 * @param withdrawnAt when the reporter withdrew it
 * @param flagger for a report that arrived on a FLAGGER key, what the trusted-flagger register said
 */
public record ReportSummary(
        String reportId,
        Channel channel,
        ReporterRole reporterRole,
        boolean subjectWasUnder18,
        boolean hasContact,
        Optional<String> description,
        Instant receivedAt,
        Optional<Instant> withdrawnAt,
        Optional<FlaggerNotice> flagger) {

    public ReportSummary {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(withdrawnAt, "withdrawnAt");
        Objects.requireNonNull(flagger, "flagger");
    }
}
