package org.redress.server.evidence;

import java.util.List;
import java.util.Objects;

/**
 * A record past its retention, as a {@link RetainedRecords} names it to the sweep: its id, and the
 * cases and content items it belongs to, whose holds keep it.
 */
public record RetainedRecord(String id, List<String> caseRefs, List<String> contentIds) {

    public RetainedRecord {
        Objects.requireNonNull(id, "id");
        caseRefs = List.copyOf(caseRefs);
        contentIds = List.copyOf(contentIds);
    }
}
