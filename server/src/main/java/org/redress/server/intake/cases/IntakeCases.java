package org.redress.server.intake.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redress.server.intake.CaseStatus;
import org.redress.server.intake.Channel;
import org.redress.server.intake.ContentLocator;
import org.redress.server.intake.ReportReason;
import org.redress.server.intake.ReportSummary;
import org.redress.server.intake.ReporterRole;
import org.redress.server.intake.SubmittedHash;
import org.redress.server.shared.CaseRef;

/** Cases, their reports, content, history, hashes and referrals. */
public interface IntakeCases {

    Optional<IntakeCase> find(CaseRef caseRef);

    /** The open case that already names this content, if any. */
    Optional<IntakeCase> findOpenByContent(ContentLocator locator);

    void insert(IntakeCase intakeCase);

    /** @return false when someone else changed the case since it was read */
    boolean update(IntakeCase intakeCase);

    /** Points the locator at the case (taking it over from a withdrawn case). */
    void attachContent(ContentLocator locator, CaseRef caseRef);

    /** Stores a report; personal fields are encrypted. */
    void insertReport(
            String reportId,
            CaseRef caseRef,
            CaseRef publicRef,
            Channel channel,
            ReporterRole role,
            boolean subjectWasUnder18,
            Optional<String> signature,
            Optional<String> contactEmail,
            Optional<String> description,
            String tokenHash,
            Instant receivedAt);

    /** Records what happened, as the reporter said it (reports filed before reasons were asked have none). */
    void recordReason(String reportId, ReportReason reason);

    /** Records the jurisdiction the platform declared for the reported content or its uploader (ADR 0023). */
    void recordJurisdiction(String reportId, String jurisdiction);

    /** The report its holder refers to by its public reference and token. */
    Optional<StoredReport> findReport(CaseRef publicRef, String tokenHash);

    void markWithdrawn(String reportId, Instant at);

    void stopMessages(String reportId);

    int standingReports(CaseRef caseRef);

    /** The ids of the case's standing reports that gave an address and did not stop messages. */
    List<String> reportsToTell(CaseRef caseRef);

    /** What moderators see of the case's reports: no contact details, no signature. */
    List<ReportSummary> summaries(CaseRef caseRef);

    void appendEvent(CaseRef caseRef, Optional<String> reportId, Instant at, String what);

    /** The case-wide events and those of this report, oldest first. */
    List<CaseStatus.Event> history(StoredReport report);

    /** How many hashes public hash submissions brought since the instant, from everyone together. */
    long publicHashesSince(Instant since);

    void insertHashes(String reportId, List<SubmittedHash> hashes);

    void openReferral(CaseRef caseRef, Instant at);

    Optional<String> referralState(CaseRef caseRef);
}
