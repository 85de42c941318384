package org.redress.server.intake;

import java.util.List;

/** Complaints on the expedited route; their text is stored encrypted. */
interface IntakeComplaints {

    void insert(Complaint complaint, CaseRef caseRef, String reportId);

    /** The case's complaints, oldest first. */
    List<Complaint> ofCase(CaseRef caseRef);
}
