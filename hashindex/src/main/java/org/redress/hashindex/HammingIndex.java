package org.redress.hashindex;

import java.util.List;
import org.redress.pdq.PdqHash;

/**
 * An immutable set of PDQ hashes, each with a caller-defined {@code long} id, searched by Hamming
 * radius. Several entries may share a hash and several may share an id; each entry is reported
 * on its own.
 *
 * <p>Every implementation is exact: a search returns every entry whose hash lies within the
 * radius of the query and no other. Instances are immutable and safe to query from any number of
 * threads at once.
 */
public sealed interface HammingIndex permits LinearIndex, MultiIndex, IndexSnapshot {

    /** The largest radius a query may ask for: every radius 0..256 is accepted. */
    int MAX_DISTANCE = 256;

    /**
     * Finds every entry within {@code maxDistance} bits of {@code query}.
     *
     * @param query the hash to look for
     * @param maxDistance the largest Hamming distance to report, 0..256 (PDQ's customary match
     *     threshold is 31)
     * @return the matches ordered by distance, then by id; empty when none
     * @throws IllegalArgumentException when {@code maxDistance} is outside 0..256
     */
    List<Match> search(PdqHash query, int maxDistance);

    /**
     * Searches many queries at once, which some indexes answer faster than one by one (the
     * multi-index orders its memory reads across the whole batch). Runs on the calling thread.
     *
     * @param queries the hashes to look for; may be empty
     * @param maxDistance the largest Hamming distance to report, 0..256
     * @return one list per query, in the order of {@code queries}, each as {@link #search} gives it
     * @throws IllegalArgumentException when {@code maxDistance} is outside 0..256
     */
    default List<List<Match>> searchAll(List<PdqHash> queries, int maxDistance) {
        var results = new java.util.ArrayList<List<Match>>(queries.size());
        for (PdqHash query : queries) {
            results.add(search(query, maxDistance));
        }
        return List.copyOf(results);
    }

    /** Returns the number of entries, counting every entry of a shared hash or id. */
    int size();

    /**
     * Returns the bytes held by this index's own arrays (hashes, ids and lookup tables), counted
     * as the sum of their lengths times their element sizes. Object headers and the JVM's heap
     * overhead are not included.
     */
    long footprintBytes();
}
