package org.redress.server.audit;

import java.time.Instant;
import java.util.Objects;

/** One link of the audit chain, as stored. */
public record AuditEntry(
        long seq,
        Instant occurredAt,
        String actorKind,
        String actorId,
        String action,
        String objectType,
        String objectId,
        String prevHash,
        String entryHash) {

    public AuditEntry {
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be positive: " + seq);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actorKind, "actorKind");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(entryHash, "entryHash");
    }
}
