package org.redress.server.review;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A match that opened or joined a case.
 *
 * @param contentId the matching content
 * @param bank the bank's name
 * @param entryId the bank entry
 * @param distance the PDQ distance, 0 for a digest match
 * @param retroactive found by a scan of earlier uploads rather than at upload
 * @param foundAt when
 * @param variant which of the bank entry's hashes matched ({@code ORIGINAL}, {@code ROTATE_90}, ...,
 *     as matching names them); empty for a digest match and for matches recorded before it was kept
 */
public record CaseMatch(
        String contentId,
        String bank,
        long entryId,
        int distance,
        boolean retroactive,
        Instant foundAt,
        Optional<String> variant) {

    public CaseMatch {
        Objects.requireNonNull(variant, "variant");
    }
}
