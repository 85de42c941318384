package org.redress.server.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request from a law-enforcement agency for the evidence of some cases, with its chain of
 * custody.
 *
 * @param id its reference ({@code LE-...})
 * @param agency the force or agency that asked
 * @param officer the officer's name and contact (sealed at rest)
 * @param crimeReference the agency's reference for the crime (sealed at rest)
 * @param legalBasis the law or order the request relies on
 * @param deadline when the agency needs the answer
 * @param scope the case references the request covers
 * @param state where it stands
 * @param link another record it belongs to, such as a referral, as {@code kind:reference}
 * @param steps its chain of custody, oldest first
 */
public record LawEnforcementRequest(
        String id,
        String agency,
        String officer,
        String crimeReference,
        String legalBasis,
        Instant deadline,
        List<String> scope,
        RequestState state,
        Optional<String> link,
        List<CustodyStep> steps) {

    public LawEnforcementRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(officer, "officer");
        Objects.requireNonNull(crimeReference, "crimeReference");
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(deadline, "deadline");
        scope = List.copyOf(scope);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(link, "link");
        steps = List.copyOf(steps);
    }

    /** Who recorded it: the first step's actor. */
    public String recordedBy() {
        return steps.isEmpty() ? "" : steps.getFirst().actor();
    }

    /** When it was recorded. */
    public Instant recordedAt() {
        return steps.isEmpty() ? deadline : steps.getFirst().at();
    }
}
