package org.redress.server.matching;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a bank.
 *
 * @param id the entry's id, unique across banks
 * @param bankId the bank's id
 * @param hashes what it matches
 * @param provenance what brought it
 * @param note an administrator's note
 * @param enabled whether it takes part in checks
 * @param createdAt when it was banked
 * @param trust whether a person has confirmed it
 */
public record BankEntry(
        long id,
        String bankId,
        EntryHashes hashes,
        Provenance provenance,
        Optional<String> note,
        boolean enabled,
        Instant createdAt,
        EntryTrust trust) {

    public BankEntry {
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(bankId, "bankId");
        Objects.requireNonNull(hashes, "hashes");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
