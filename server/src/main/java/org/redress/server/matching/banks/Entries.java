package org.redress.server.matching.banks;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.redress.server.matching.BankEntry;
import org.redress.server.matching.EntryTrust;
import org.redress.server.matching.Provenance;

/** Bank entries and the change log that every index replica follows. */
public interface Entries {

    /** Inserts the entry (its id is ignored) and logs the change; returns the new id. */
    long insert(BankEntry entry);

    /**
     * Inserts many entries in JDBC batches without logging each; the caller then logs them with
     * {@link #logEntriesFrom} or has replicas reload the bank with {@link #logBankReload}.
     */
    void insertAll(List<BankEntry> entries);

    /**
     * The ids of the entries with this provenance in id order: for rows that {@link #insertAll}
     * wrote in one transaction, the i-th id is the i-th row's.
     */
    long[] idsFrom(Provenance provenance);

    /** Streams the entries with this provenance in id order. */
    void forEachFrom(Provenance provenance, Consumer<BankEntry> action);

    Optional<BankEntry> find(long id);

    List<BankEntry> findAll(Collection<Long> ids);

    /** Streams the enabled entries of enabled banks in id order. */
    void forEachMatchable(Consumer<BankEntry> action);

    /** Streams a bank's entries in id order. */
    void forEachInBank(String bankId, Consumer<BankEntry> action);

    /** A bank's newest entries, newest first, at most {@code limit}. */
    List<BankEntry> newestInBank(String bankId, int limit);

    /** How many entries each bank holds, by bank id; banks without entries are absent. */
    Map<String, Long> countsByBank();

    /** Sets the flag and logs the change; false when there is no such entry. */
    boolean setEnabled(long id, boolean enabled);

    /** Sets whether a person confirmed the entry, and whether it takes part in checks, and logs the change. */
    boolean setTrust(long id, EntryTrust trust, boolean enabled);

    /** Records that a provisional entry blocked an upload (once per upload). */
    void recordProvisionalBlock(long entryId, String contentId, Instant at);

    /** The uploads a provisional entry blocked, oldest first. */
    List<String> provisionallyBlocked(long entryId);

    /** Deletes the entry and logs the change; false when there is no such entry. */
    boolean delete(long id);

    /** Disables every enabled entry with this provenance, logging each; returns them. */
    List<BankEntry> disableAll(Provenance provenance);

    /** Logs a change of a bank's settings (its creation too): replicas keep its hashes. */
    void logBankChange(String bankId);

    /** Logs every entry with this provenance as changed, in one statement (a small import). */
    void logEntriesFrom(Provenance provenance);

    /** Logs that replicas must read the bank's entries again (a large import). */
    void logBankReload(String bankId);

    /** The highest sequence number in the change log, 0 when empty. */
    long lastChange();

    /** Changes after {@code seq} in order, at most {@code limit}. */
    List<Change> changesAfter(long seq, int limit);

    /** One row of the change log. */
    sealed interface Change {

        long seq();

        String bankId();

        /** An entry was added, changed or deleted. */
        record OfEntry(long seq, String bankId, long entryId) implements Change {}

        /** The bank was created or its settings changed (action, distance, floor, name, enabled). */
        record OfSettings(long seq, String bankId) implements Change {}

        /** Entries were added too many to log one by one: the bank is read again. */
        record OfAllEntries(long seq, String bankId) implements Change {}
    }
}
