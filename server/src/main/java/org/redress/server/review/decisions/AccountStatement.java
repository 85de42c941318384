package org.redress.server.review.decisions;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The statement of reasons for a measure against an account under EU DSA Art. 23: first a
 * warning, then a suspension for a stated period, never open-ended. It names no reporter and no
 * moderator.
 *
 * @param caseRef the case whose confirmed removal led to the measure
 * @param at when the measure was taken
 * @param confirmedRemovals the account's confirmed removals, this one included
 * @param suspendAfter how many confirmed removals lead to suspension
 * @param suspension for a suspension: how long it runs (empty for a warning)
 * @param appealUrl where to appeal the removal that led to the measure
 */
public record AccountStatement(
        String caseRef,
        Instant at,
        int confirmedRemovals,
        int suspendAfter,
        Optional<Duration> suspension,
        String appealUrl) {

    public Map<String, Object> toMap() {
        var map = new LinkedHashMap<String, Object>();
        map.put("caseRef", caseRef);
        map.put("decidedAt", at.toString());
        map.put(
                "restriction",
                suspension
                        .<Map<String, Object>>map(period -> Map.of(
                                "type",
                                "ACCOUNT_SUSPENSION",
                                "scope",
                                "The account cannot upload or share content while suspended.",
                                "duration",
                                period.toString(),
                                "until",
                                at.plus(period).toString()))
                        .orElseGet(() -> Map.of(
                                "type",
                                "ACCOUNT_WARNING",
                                "scope",
                                "No restriction yet: a further confirmed removal will suspend the account for a"
                                        + " time.")));
        map.put(
                "facts",
                confirmedRemovals + " items uploaded from this account were removed as intimate images shared"
                        + " without consent, each decided by a moderator and confirmed by the platform. The service"
                        + " warns an account before suspending it, and suspends after " + suspendAfter + ".");
        map.put(
                "automatedMeans",
                Map.of(
                        "decision",
                        true,
                        "explanation",
                        "The measure follows automatically from the number of removals; each removal was decided by"
                                + " a person."));
        map.put(
                "legalGround",
                Map.of(
                        "provisions",
                        "EU Digital Services Act Art. 23(1): suspension, for a reasonable period and after a prior"
                                + " warning, of accounts that frequently provide manifestly illegal content"));
        map.put(
                "redress",
                Map.of(
                        "internalAppeal",
                        Map.of(
                                "url",
                                appealUrl,
                                "note",
                                "Appeal the removal that led to this. A removal reversed on appeal no longer counts,"
                                        + " and a suspension that no longer has enough removals behind it ends at"
                                        + " once."),
                        "outOfCourtDisputeSettlement",
                        "A certified out-of-court dispute settlement body (EU DSA Art. 21).",
                        "judicialRedress",
                        "The courts of your country."));
        return map;
    }
}
