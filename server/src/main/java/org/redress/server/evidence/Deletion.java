package org.redress.server.evidence;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of the deletion log: what the retention sweep deleted, of which kind, of which case, when.
 *
 * @param recordId the record's id, or for media the number of references purged
 */
public record Deletion(String kind, String recordId, Optional<String> caseRef, Instant deletedAt, String sweepId) {}
