package org.redress.server.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.redress.pdq.Dihedral;
import org.redress.pdq.EntryFraming;
import org.redress.pdq.PdqHash;

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
 * @param variants the PDQ hashes of the banked image's seven rotations and mirrorings and, for an
 *     entry made from an image, of its framings, in the order of {@link #VARIANT_NAMES} from the
 *     second on, when the image was at hand (a removed item, a bank's image); empty otherwise. One
 *     entry carries them all, so a match is one match per banked image.
 */
public record BankEntry(
        long id,
        String bankId,
        EntryHashes hashes,
        Provenance provenance,
        Optional<String> note,
        boolean enabled,
        Instant createdAt,
        EntryTrust trust,
        List<PdqHash> variants) {

    /**
     * The names of an entry's hashes by position: its own first ({@code ORIGINAL}), the rotations
     * and mirrorings PDQ derives, then the framings of an entry made from an image
     * ({@link EntryFraming}). Stored entries keep their hashes by position: names are only added.
     */
    public static final List<String> VARIANT_NAMES = java.util.stream.Stream.concat(
                    java.util.Arrays.stream(Dihedral.values()), java.util.Arrays.stream(EntryFraming.values()))
            .map(Enum::name)
            .toList();

    public BankEntry {
        Objects.requireNonNull(bankId, "bankId");
        Objects.requireNonNull(hashes, "hashes");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(trust, "trust");
        variants = List.copyOf(variants);
        if (variants.size() >= VARIANT_NAMES.size()) {
            throw new IllegalArgumentException("an entry has at most " + (VARIANT_NAMES.size() - 1) + " variants");
        }
        if (!variants.isEmpty() && hashes.pdq().isEmpty()) {
            throw new IllegalArgumentException("variants need the entry's own PDQ hash");
        }
    }

    /** An entry without variants. */
    public BankEntry(
            long id,
            String bankId,
            EntryHashes hashes,
            Provenance provenance,
            Optional<String> note,
            boolean enabled,
            Instant createdAt,
            EntryTrust trust) {
        this(id, bankId, hashes, provenance, note, enabled, createdAt, trust, List.of());
    }

    /** Its PDQ hashes by position (see {@link #VARIANT_NAMES}): its own, then its variants. */
    public List<PdqHash> allPdq() {
        var all = new ArrayList<PdqHash>(1 + variants.size());
        hashes.pdq().ifPresent(all::add);
        all.addAll(variants);
        return all;
    }
}
