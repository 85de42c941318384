package org.redress.server.evidence;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A legal hold on a case: while it stands, none of the case's content is purged by retention.
 * The reason is kept sealed and is not part of this view.
 *
 * @param caseRef the case held
 * @param heldBy who placed it ({@code STAFF:carol})
 * @param heldAt when
 * @param heldUntil when it ends by itself, if it does
 */
public record CaseHold(String caseRef, String heldBy, Instant heldAt, Optional<Instant> heldUntil) {

    public CaseHold {
        Objects.requireNonNull(caseRef, "caseRef");
        Objects.requireNonNull(heldBy, "heldBy");
        Objects.requireNonNull(heldAt, "heldAt");
        Objects.requireNonNull(heldUntil, "heldUntil");
    }
}
