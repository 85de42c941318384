package org.redress.server.matching;

import org.redress.server.intake.HashesSubmitted;
import org.redress.server.intake.ReportWithdrawn;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Follows intake inside its transactions: banks victims' hashes, unbanks them on withdrawal. */
@Component
class VictimBanking {

    private final Matching matching;

    VictimBanking(Matching matching) {
        this.matching = matching;
    }

    @EventListener
    void on(HashesSubmitted submitted) {
        matching.bankSubmittedHashes(submitted.caseRef(), submitted.hashes());
    }

    @EventListener
    void on(ReportWithdrawn withdrawn) {
        matching.withdrawCase(withdrawn.caseRef());
    }
}
