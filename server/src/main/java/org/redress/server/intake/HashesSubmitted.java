package org.redress.server.intake;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.redress.server.shared.CaseRef;

/**
 * A person protected images by submitting their hashes. Published inside the submission's
 * transaction, so a listener that banks the hashes commits or fails together with the submission.
 *
 * @param caseRef the submission's case
 * @param hashes one entry per protected image, at least one
 * @param receivedAt when the submission was received
 */
public record HashesSubmitted(CaseRef caseRef, List<SubmittedHash> hashes, Instant receivedAt) {

    /** @throws IllegalArgumentException when no hashes are given */
    public HashesSubmitted {
        Objects.requireNonNull(caseRef, "caseRef");
        Objects.requireNonNull(receivedAt, "receivedAt");
        hashes = List.copyOf(hashes);
        if (hashes.isEmpty()) {
            throw new IllegalArgumentException("a hash submission carries at least one hash");
        }
    }
}
