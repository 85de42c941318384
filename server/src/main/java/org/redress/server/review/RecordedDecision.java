package org.redress.server.review;

import java.time.Instant;
import java.util.Optional;

/**
 * A decision as recorded.
 *
 * @param id the decision id
 * @param caseRef the case
 * @param decidedBy the moderator's username
 * @param outcome what was decided
 * @param basis the ground of a removal
 * @param reason the reason code of a no-violation decision
 * @param policy the terms clause relied on
 * @param statement the moderator's own words
 * @param statementOfReasons the statement of reasons sent to the uploader, as JSON
 * @param decidedAt when
 */
public record RecordedDecision(
        String id,
        String caseRef,
        String decidedBy,
        Outcome outcome,
        Optional<RemovalBasis> basis,
        Optional<NoViolationReason> reason,
        Optional<String> policy,
        Optional<String> statement,
        Optional<String> statementOfReasons,
        Instant decidedAt) {}
