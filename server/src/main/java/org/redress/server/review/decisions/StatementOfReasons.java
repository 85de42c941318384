package org.redress.server.review.decisions;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.redress.server.review.RemovalBasis;
import org.redress.server.shared.Jurisdiction;

/**
 * The statement of reasons an uploader receives through the platform with a removal, with every
 * element EU DSA Art. 17(3) lists: (a) the restriction and its scope, (b) the facts and
 * circumstances relied on, (c) whether automated means were used, (d) the legal ground or
 * (e) the contractual ground, and (f) the ways to seek redress. It also carries the repeat-uploader
 * warning of Art. 23 when one applies. It names no reporter and quotes nothing the reporter wrote.
 *
 * @param decisionId the decision
 * @param caseRef the case
 * @param contentId the content removed
 * @param decidedAt when the decision was made
 * @param facts what the decision relied on, in plain words
 * @param detectedAutomatically whether automated means found the content (a hash match)
 * @param basis the ground
 * @param policy the terms clause, for a terms-of-service removal
 * @param moderatorStatement the moderator's own explanation, if they gave one
 * @param strikes confirmed removals against the uploader including this one
 * @param suspendAfter how many confirmed removals lead to suspension
 * @param appealUrl where to appeal: an absolute link to the hosted appeal page for this item
 * @param appealWindow how long after the decision an appeal is accepted (six months at least)
 * @param jurisdiction whose law the legal ground cites: the one declared for the content or its
 *     uploader ({@link Jurisdiction#UK_AND_US}, the ground every statement cited before, when none was)
 */
public record StatementOfReasons(
        String decisionId,
        String caseRef,
        String contentId,
        Instant decidedAt,
        String facts,
        boolean detectedAutomatically,
        RemovalBasis basis,
        Optional<String> policy,
        Optional<String> moderatorStatement,
        int strikes,
        int suspendAfter,
        String appealUrl,
        Period appealWindow,
        Jurisdiction jurisdiction) {

    /** A statement for content whose jurisdiction nobody declared. */
    public StatementOfReasons(
            String decisionId,
            String caseRef,
            String contentId,
            Instant decidedAt,
            String facts,
            boolean detectedAutomatically,
            RemovalBasis basis,
            Optional<String> policy,
            Optional<String> moderatorStatement,
            int strikes,
            int suspendAfter,
            String appealUrl,
            Period appealWindow) {
        this(
                decisionId,
                caseRef,
                contentId,
                decidedAt,
                facts,
                detectedAutomatically,
                basis,
                policy,
                moderatorStatement,
                strikes,
                suspendAfter,
                appealUrl,
                appealWindow,
                Jurisdiction.UK_AND_US);
    }

    /** The ground, the provisions of the declared jurisdiction, and why the item falls under them. */
    private Map<String, Object> legalGround() {
        var ground = new LinkedHashMap<String, Object>();
        ground.put(
                "ground", "Intimate image abuse: sharing, or threatening to share, an intimate image without consent");
        ground.put("provisions", jurisdiction.provisions());
        ground.put(
                "explanation",
                "The moderator judged that the item is an intimate image shared without the consent of the person "
                        + "shown.");
        // Statements for content no jurisdiction was declared for stay as they always were.
        if (jurisdiction != Jurisdiction.UK_AND_US) {
            ground.put("jurisdiction", jurisdiction.name());
        }
        return ground;
    }

    public Map<String, Object> toMap() {
        var map = new LinkedHashMap<String, Object>();
        map.put("decisionId", decisionId);
        map.put("caseRef", caseRef);
        map.put("contentId", contentId);
        map.put("decidedAt", decidedAt.toString());
        map.put(
                "restriction",
                Map.of(
                        "type", "REMOVAL",
                        "scope",
                                "The item is removed for every user of the service and cannot be uploaded again: "
                                        + "its fingerprint is added to a block list.",
                        "duration", "PERMANENT"));
        map.put("facts", facts);
        map.put(
                "automatedMeans",
                Map.of(
                        "detection",
                        detectedAutomatically,
                        "decision",
                        false,
                        "explanation",
                        detectedAutomatically
                                ? "The item was found by automated hash matching and a human moderator decided."
                                : "The item was reported and a human moderator decided."));
        switch (basis) {
            case ILLEGAL_CONTENT -> map.put("legalGround", legalGround());
            case TERMS_OF_SERVICE ->
                map.put(
                        "contractualGround",
                        Map.of(
                                "clause",
                                policy.orElseThrow(),
                                "explanation",
                                "The moderator judged that the item breaks this clause of the terms of service."));
        }
        moderatorStatement.ifPresent(s -> map.put("moderatorStatement", s));
        map.put(
                "redress",
                Map.of(
                        "internalAppeal",
                                Map.of(
                                        "url",
                                        appealUrl,
                                        "within",
                                        appealWindow.toString(),
                                        "until",
                                        decidedAt
                                                .atOffset(ZoneOffset.UTC)
                                                .plus(appealWindow)
                                                .toInstant()
                                                .toString(),
                                        "note",
                                        "Appeals are decided by a different person, never by automated means alone."),
                        "outOfCourtDisputeSettlement",
                                "A certified out-of-court dispute settlement body (EU DSA Art. 21).",
                        "judicialRedress", "The courts of your country."));
        if (strikes > 0) {
            map.put(
                    "accountStanding",
                    Map.of(
                            "confirmedRemovals", strikes,
                            "suspensionAfter", suspendAfter,
                            "warning",
                                    strikes >= suspendAfter
                                            ? "This account has reached the number of removals that leads "
                                                    + "to suspension."
                                            : "Further removals of this kind will lead to the suspension "
                                                    + "of this account."));
        }
        return map;
    }
}
