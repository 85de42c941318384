package org.redress.server.intake.cases;

import java.util.List;
import org.redress.server.intake.Complaint;
import org.redress.server.shared.CaseRef;

/** Complaints on the expedited route; their text is stored encrypted. */
public interface IntakeComplaints {

    void insert(Complaint complaint, CaseRef caseRef, String reportId);

    /** The case's complaints, oldest first. */
    List<Complaint> ofCase(CaseRef caseRef);
}
