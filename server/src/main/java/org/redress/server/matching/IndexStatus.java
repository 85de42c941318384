package org.redress.server.matching;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What this replica's matching index holds.
 *
 * @param ready whether the first full load has completed (checks answer 503 until then)
 * @param pdqEntries the PDQ entries of enabled banks in memory
 * @param md5Entries the entries of enabled banks that match by MD5
 * @param appliedAt when the change log was last applied to its end
 */
public record IndexStatus(boolean ready, long pdqEntries, long md5Entries, Optional<Instant> appliedAt) {

    public IndexStatus {
        Objects.requireNonNull(appliedAt, "appliedAt");
    }
}
