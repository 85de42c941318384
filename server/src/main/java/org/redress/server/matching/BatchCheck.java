package org.redress.server.matching;

import java.util.Objects;
import java.util.Optional;

/**
 * One upload of a batch of checks, with the jurisdiction whose deterrence message a BLOCK carries.
 *
 * @param jurisdiction the uploader's jurisdiction; the configured default when absent or unknown
 */
public record BatchCheck(Upload upload, Optional<String> jurisdiction) {

    public BatchCheck {
        Objects.requireNonNull(upload, "upload");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
    }
}
