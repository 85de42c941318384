package org.redress.server.audit;

import java.util.List;
import java.util.Optional;

/** The stored chain. There is no update and no delete. */
interface AuditEntries {

    /** Holds the chain's append lock until the current transaction ends. */
    void lockForAppend();

    Optional<AuditEntry> last();

    void append(AuditEntry entry);

    /** Up to {@code limit} entries with {@code seq > afterSeq}, in sequence order. */
    List<AuditEntry> after(long afterSeq, int limit);

    /** The entries about any of these object ids (whatever their type), in sequence order. */
    List<AuditEntry> about(java.util.Collection<String> objectIds);
}
