package org.redress.server.matching;

import java.util.Objects;
import java.util.Optional;

/**
 * One upload of a batch of checks, with the jurisdiction whose deterrence message a BLOCK carries.
 *
 * @param jurisdiction the uploader's jurisdiction; the configured default when absent or unknown
 * @param delivery the stable name of the message the check arrived in, when it came by a stream that
 *     may deliver a message twice (docs/adr/0030): it is recorded in the check's own commit, and a
 *     check whose delivery is already recorded is answered without being recorded again
 */
public record BatchCheck(Upload upload, Optional<String> jurisdiction, Optional<String> delivery) {

    public BatchCheck {
        Objects.requireNonNull(upload, "upload");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(delivery, "delivery");
    }

    /** A check that arrived once, in a request. */
    public BatchCheck(Upload upload, Optional<String> jurisdiction) {
        this(upload, jurisdiction, Optional.empty());
    }

    /** The same check, arrived in the named delivery. */
    public BatchCheck delivered(String name) {
        return new BatchCheck(upload, jurisdiction, Optional.of(name));
    }
}
