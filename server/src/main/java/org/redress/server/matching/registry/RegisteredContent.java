package org.redress.server.matching.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.pdq.PdqHash;
import org.redress.pdq.Quality;
import org.redress.server.matching.EntryHashes;

/**
 * Content the platform checked, as the registry keeps it for retroactive scans. The uploader is
 * stored encrypted and is not part of this view.
 *
 * @param contentId the platform's content id
 * @param hashes the upload's hashes
 * @param quality the PDQ hash's quality when the check knew it: a bank's floor applies to it
 * @param variants the PDQ hashes of the upload's rotations and mirrorings other than its own (an
 *     image check hashes eight ways): a retroactive scan compares them too, so that it finds what
 *     an upload check of the same file would find
 */
public record RegisteredContent(
        String contentId, EntryHashes hashes, Optional<Quality> quality, List<PdqHash> variants) {

    public RegisteredContent {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(hashes, "hashes");
        Objects.requireNonNull(quality, "quality");
        var others = new ArrayList<PdqHash>(variants.size());
        for (PdqHash variant : variants) {
            if (!hashes.pdq().map(variant::equals).orElse(false) && !others.contains(variant)) {
                others.add(variant);
            }
        }
        variants = List.copyOf(others);
    }

    /** Every PDQ hash to compare: its own first, then the variants. */
    public List<PdqHash> allPdq() {
        var all = new ArrayList<PdqHash>(1 + variants.size());
        hashes.pdq().ifPresent(all::add);
        all.addAll(variants);
        return all;
    }

    /** The variants as stored: their hex forms one after another, or null for none. */
    static @Nullable String variantsColumn(List<PdqHash> variants) {
        if (variants.isEmpty()) {
            return null;
        }
        var text = new StringBuilder(64 * variants.size());
        variants.forEach(v -> text.append(v.toHex()));
        return text.toString();
    }

    static List<PdqHash> variantsOf(@Nullable String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        List<PdqHash> variants = new ArrayList<>(column.length() / 64);
        for (int at = 0; at + 64 <= column.length(); at += 64) {
            variants.add(PdqHash.fromHex(column.substring(at, at + 64)));
        }
        return variants;
    }
}
