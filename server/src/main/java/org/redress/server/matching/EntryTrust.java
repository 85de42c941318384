package org.redress.server.matching;

/**
 * Whether a person stands behind an entry. A match against entries that no person has confirmed
 * still blocks (the person shown is protected before anyone looks) but is marked provisional, and
 * one review case per entry asks a moderator to confirm or release it.
 */
public enum EntryTrust {
    /** A moderator's decision, a trusted flagger, an administrator's import or entry, or a confirmed submission. */
    CONFIRMED,
    /** An anonymous hash submission no person has looked at yet: blocks provisionally. */
    PROVISIONAL,
    /**
     * A submission that matched more registered uploads at once than the flood guard allows: it
     * blocks nothing and opens nothing until a moderator confirms it.
     */
    HELD;

    /** Whether matches against it wait for a person's confirmation. */
    public boolean awaitsConfirmation() {
        return this != CONFIRMED;
    }
}
