package org.redress.server.transparency;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one period. Each figure counts the events that happened within the period: reports
 * by their receipt, removals by the platform's confirmation, breaches by the sweep that recorded
 * them, decisions and appeal outcomes by when they were taken. Times are measured from the case's
 * receipt (from the appeal's, for appeals). Maps are ordered by key.
 *
 * @param from the first day (UTC), as {@code YYYY-MM-DD}
 * @param to the last day (UTC), included
 * @param reportsReceived intimate image reports received (hash submissions apart)
 * @param reportsByChannel reports per channel ({@code PUBLIC}, {@code FLAGGER}, {@code REGULATOR})
 * @param reportsByReporterRole reports per reporter role
 * @param reportsByChannelAndRole the same split both ways
 * @param hashSubmissionsReceived victims' hash submissions received
 * @param casesOpened review cases opened, per origin and source
 * @param timeToFirstAction from receipt to a case's first decision of any kind, for cases first decided in the period
 * @param timeToFirstActionBySource the same per case source
 * @param contentRemoved content items whose removal the platform confirmed
 * @param removedWithinDeadline of those, confirmed by their case's legal deadline (48 hours, 24 for a regulator)
 * @param removedWithin48Hours of those, confirmed within 48 hours of the case's receipt
 * @param shareRemovedWithin48Hours {@code removedWithin48Hours / contentRemoved}, when anything was removed
 * @param timeToRemoval from the case's receipt to the platform's confirmation, per item
 * @param removalsBySource removal figures per case source
 * @param removalsByBank removal figures per bank of a match (items removed without one under {@code none})
 * @param deadlineBreaches cases whose deadline passed with their clock running
 * @param breachesByReason breaches per reason
 * @param breaches every breach with its reason
 * @param retroactiveCopies content items found by retroactive scans of earlier uploads
 * @param matchesByBank items matched per bank, at upload and by retroactive scans
 * @param humanDecisions decisions taken by moderators
 * @param automatedDecisions uploads blocked by a check, with no person involved
 * @param decisionsByOutcome moderators' decisions per outcome
 * @param decisionsByOriginAndOutcome the same per origin of the case
 * @param appealsReceived uploaders' appeals received
 * @param appealsDecided appeals decided
 * @param appealsUpheld of those, the decision stood
 * @param appealsReversed of those, the decision was reversed and the content restored
 * @param timeToAppealDecision from an appeal's receipt to its decision
 * @param timeToReversal the same for reversals only
 * @param complaintsReceived reporters' complaints received (UK OSA s.21(2A))
 * @param complaintsByTypeAndOutcome every complaint received, reporters' and uploaders', keyed
 *     {@code TYPE:OUTCOME} ({@code UNANSWERED} while open)
 * @param uploadsBlocked distinct uploads blocked by a check
 * @param blockedUploadsReleased of those, the ones the platform was later asked to restore
 * @param trustedFlaggers each trusted flagger's notices and what became of them (EU DSA Art. 22), for
 *     every register entry whose status overlapped the period
 */
public record TransparencyReport(
        String from,
        String to,
        long reportsReceived,
        Map<String, Long> reportsByChannel,
        Map<String, Long> reportsByReporterRole,
        List<ReportCount> reportsByChannelAndRole,
        long hashSubmissionsReceived,
        List<CaseCount> casesOpened,
        DurationSummary timeToFirstAction,
        Map<String, DurationSummary> timeToFirstActionBySource,
        long contentRemoved,
        long removedWithinDeadline,
        long removedWithin48Hours,
        @Nullable Double shareRemovedWithin48Hours,
        DurationSummary timeToRemoval,
        Map<String, RemovalFigures> removalsBySource,
        Map<String, RemovalFigures> removalsByBank,
        long deadlineBreaches,
        Map<String, Long> breachesByReason,
        List<BreachLine> breaches,
        long retroactiveCopies,
        List<BankMatches> matchesByBank,
        long humanDecisions,
        long automatedDecisions,
        Map<String, Long> decisionsByOutcome,
        List<DecisionCount> decisionsByOriginAndOutcome,
        long appealsReceived,
        long appealsDecided,
        long appealsUpheld,
        long appealsReversed,
        DurationSummary timeToAppealDecision,
        DurationSummary timeToReversal,
        long complaintsReceived,
        Map<String, Long> complaintsByTypeAndOutcome,
        long uploadsBlocked,
        long blockedUploadsReleased,
        List<FlaggerFigures> trustedFlaggers) {

    /** Reports by one channel from one kind of reporter. */
    public record ReportCount(String channel, String reporterRole, long reports) {}

    /** Review cases opened by one origin and source. */
    public record CaseCount(String origin, String source, long cases) {}

    /** Removals of one group. */
    public record RemovalFigures(
            long contentRemoved,
            long removedWithinDeadline,
            long removedWithin48Hours,
            DurationSummary timeToRemoval) {}

    /**
     * One breach.
     *
     * @param removedAt when the platform confirmed every removal, if it has
     */
    public record BreachLine(
            String caseRef,
            String origin,
            String source,
            String receivedAt,
            String deadline,
            String breachedAt,
            @Nullable String removedAt,
            BreachReason reason,
            String explanation) {}

    /** Content items one bank matched. */
    public record BankMatches(String bank, long atUpload, long retroactive) {}

    /**
     * One trusted flagger's notices received in the period and their outcomes as they stand.
     *
     * @param flaggerId the register entry
     * @param organisation the organisation its newest version names
     * @param awardedBy the body that awarded the status
     * @param noticesReceived notices received while its status was current
     * @param actedOn of those, the content was removed
     * @param notActedOn of those, no violation was found
     * @param pending of those, not decided yet
     * @param timeToDecision from a notice's receipt to the decision on it
     */
    public record FlaggerFigures(
            String flaggerId,
            String organisation,
            String awardedBy,
            long noticesReceived,
            long actedOn,
            long notActedOn,
            long pending,
            DurationSummary timeToDecision) {}

    /** Decisions of one outcome on cases of one origin. */
    public record DecisionCount(String origin, String outcome, long decisions) {}
}
