package org.redress.server.intake;

import java.time.Instant;
import java.util.Optional;

/**
 * One report's stored facts that its holder's status view needs (personal fields stay in the
 * database, encrypted).
 */
record StoredReport(String id, CaseRef caseRef, Optional<String> contactEmail, boolean messagesStopped,
        Optional<Instant> withdrawnAt) {

    @Override
    public String toString() {
        return "StoredReport[id=" + id + ", caseRef=" + caseRef + ", contact=redacted, messagesStopped=" + messagesStopped
                + ", withdrawnAt=" + withdrawnAt + "]";
    }
}
