package org.redress.server.intake.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redress.server.intake.Complaint;
import org.redress.server.intake.ComplaintType;
import org.redress.server.intake.ReporterComplaint;
import org.redress.server.shared.CaseRef;

/** Reporters' complaints; their text and the replies to them are stored encrypted. */
public interface IntakeComplaints {

    /**
     * Where an answered complaint goes: the report that made it and the case it is about.
     *
     * @param reportId the complaining report (its contact address, its opt-out)
     * @param caseRef the case
     */
    record Complainant(String reportId, CaseRef caseRef) {}

    void insert(Complaint complaint, ComplaintType type, CaseRef caseRef, String reportId);

    /** The case's complaints, oldest first. */
    List<Complaint> ofCase(CaseRef caseRef);

    /** One report's complaints as its holder sees them, oldest first. */
    List<ReporterComplaint> ofReport(String reportId);

    /** Whether the report was a removal request by the person shown or someone acting for them. */
    boolean bySubjectOrForThem(String reportId);

    /** Records the target time of the answer. */
    void setAnswerBy(String complaintId, Instant answerBy);

    /**
     * Records the answer unless there is one already.
     *
     * @return the complainant, empty when the complaint is unknown or was answered before
     */
    Optional<Complainant> answer(String complaintId, ReporterComplaint.Answer answer);
}
