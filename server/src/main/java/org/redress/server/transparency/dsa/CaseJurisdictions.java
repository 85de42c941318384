package org.redress.server.transparency.dsa;

import org.redress.server.intake.IntakeJurisdictions;
import org.springframework.stereotype.Component;

/** The jurisdiction declared for a case's content or uploader, as intake has it (ADR 0023). */
@Component
class CaseJurisdictions {

    private final IntakeJurisdictions intake;

    CaseJurisdictions(IntakeJurisdictions intake) {
        this.intake = intake;
    }

    /** The code of the jurisdiction declared for the case, else the platform's default. */
    String of(String caseRef) {
        return intake.codeFor(caseRef);
    }
}
