package org.redress.server.intake;

/** Where a case goes after intake. */
public enum Route {
    /** The ordinary review queue for intimate image abuse. */
    INTIMATE_IMAGE,
    /**
     * The person shown was under 18: child sexual abuse material, kept out of the ordinary queue,
     * with a referral task (NCA in the UK, NCMEC in the US).
     */
    CHILD_PROTECTION,
    /** Hashes protected in advance; nothing to remove yet. */
    PROTECTION
}
