package org.redress.server.evidence;

import java.time.Instant;
import java.util.List;

/**
 * Records of one {@link RetentionKind} that the retention sweep deletes when their time is up and no
 * hold keeps them. Evidence declares its own (exports, law-enforcement requests); a module that
 * keeps CSEA referrals declares one bean per kind, and the one sweep applies the schedule to it. The
 * sweep, not the bean, decides what is held.
 */
public interface RetainedRecords {

    RetentionKind kind();

    /** Up to {@code limit} records older than the cutoff whose id sorts after {@code afterId}, by id. */
    List<RetainedRecord> olderThan(Instant cutoff, String afterId, int limit);

    /** Deletes the record; runs in the sweep's transaction, which also logs and audits the deletion. */
    void delete(RetainedRecord record);
}
