package org.redress.server.audit;

/** The outcome of checking the audit chain from its first entry. */
public sealed interface ChainVerification {

    /** How many entries were checked. */
    long entries();

    /** Every entry links to its predecessor and matches its hash. */
    record Intact(long entries) implements ChainVerification {}

    /** The first entry that fails, and why; {@code entries} counts the intact ones before it. */
    record Broken(long entries, long seq, String reason) implements ChainVerification {}
}
