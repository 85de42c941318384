package org.redress.server.intake.cases;

import java.time.Instant;
import java.util.Optional;
import org.redress.server.intake.Channel;
import org.redress.server.shared.CaseRef;

/**
 * One report's stored facts that its holder's status view needs (personal fields stay in the
 * database, encrypted).
 */
public record StoredReport(
        String id,
        CaseRef caseRef,
        CaseRef publicRef,
        Channel channel,
        boolean subjectWasUnder18,
        Instant receivedAt,
        Optional<String> contactEmail,
        boolean messagesStopped,
        Optional<Instant> withdrawnAt) {

    @Override
    public String toString() {
        return "StoredReport[id=" + id + ", caseRef=" + caseRef + ", publicRef=" + publicRef + ", channel=" + channel
                + ", receivedAt=" + receivedAt + ", contact=redacted, messagesStopped="
                + messagesStopped + ", withdrawnAt=" + withdrawnAt + "]";
    }
}
