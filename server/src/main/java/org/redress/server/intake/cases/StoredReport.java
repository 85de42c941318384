package org.redress.server.intake.cases;

import java.time.Instant;
import java.util.Optional;
import org.redress.server.shared.CaseRef;

/**
 * One report's stored facts that its holder's status view needs (personal fields stay in the
 * database, encrypted).
 */
public record StoredReport(
        String id,
        CaseRef caseRef,
        Optional<String> contactEmail,
        boolean messagesStopped,
        Optional<Instant> withdrawnAt) {

    @Override
    public String toString() {
        return "StoredReport[id=" + id + ", caseRef=" + caseRef + ", contact=redacted, messagesStopped="
                + messagesStopped + ", withdrawnAt=" + withdrawnAt + "]";
    }
}
