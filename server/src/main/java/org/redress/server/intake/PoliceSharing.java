package org.redress.server.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redress.server.intake.cases.IntakeCases;
import org.redress.server.intake.cases.PoliceShares;
import org.redress.server.intake.cases.StatusToken;
import org.redress.server.intake.cases.StoredReport;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.storage.SqlDialect;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reporter asks for their case to be shared with the police (and gives the crime reference the
 * police gave them): their recorded consent, which staff see on the case and which a
 * law-enforcement request for the case can rely on. Only the holder of the status token can ask.
 */
@Service
public class PoliceSharing {

    static final String ASKED = "POLICE_SHARE_REQUESTED";

    private final IntakeCases cases;
    private final PoliceShares shares;
    private final Intake intake;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PoliceSharing(
            IntakeCases cases, PoliceShares shares, Intake intake, ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.shares = shares;
        this.intake = intake;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records the request, a dated line in the reporter's history and the audit log.
     *
     * @throws CaseNotFoundException for an unknown reference or a token that does not open it
     * @throws IllegalArgumentException when the crime reference is too long or not one line
     */
    @Transactional
    public CaseStatus ask(Actor actor, String caseRef, String token, Optional<String> crimeReference) {
        Optional<String> reference = PoliceShareRequest.crimeReference(crimeReference);
        StoredReport held = holder(caseRef, token);
        Instant now = SqlDialect.truncate(clock.instant());
        shares.insert(held.caseRef(), held.id(), reference, now);
        cases.appendEvent(held.caseRef(), Optional.of(held.id()), now, ASKED);
        events.publishEvent(new CaseChanged(actor, "report.police-share-requested", held.caseRef()));
        return intake.status(caseRef, token);
    }

    /** The case's requests, oldest first, for staff. */
    @Transactional(readOnly = true)
    public List<PoliceShareRequest> requests(CaseRef caseRef) {
        return shares.forCase(caseRef);
    }

    private StoredReport holder(String caseRef, String token) {
        CaseRef ref;
        try {
            ref = new CaseRef(caseRef);
        } catch (IllegalArgumentException e) {
            throw new CaseNotFoundException();
        }
        return cases.findReport(ref, StatusToken.hash(token)).orElseThrow(CaseNotFoundException::new);
    }
}
