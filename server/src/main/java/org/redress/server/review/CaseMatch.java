package org.redress.server.review;

import java.time.Instant;

/**
 * A match that opened or joined a case.
 *
 * @param contentId the matching content
 * @param bank the bank's name
 * @param entryId the bank entry
 * @param distance the PDQ distance, 0 for a digest match
 * @param retroactive found by a scan of earlier uploads rather than at upload
 * @param foundAt when
 */
public record CaseMatch(
        String contentId, String bank, long entryId, int distance, boolean retroactive, Instant foundAt) {}
