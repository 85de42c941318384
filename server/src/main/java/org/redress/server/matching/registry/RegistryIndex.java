package org.redress.server.matching.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.redress.hashindex.IndexSnapshot;
import org.redress.hashindex.IndexWriter;
import org.redress.hashindex.Match;
import org.redress.pdq.PdqHash;
import org.redress.pdq.Quality;
import org.redress.server.matching.Bank;

/**
 * The registered uploads' PDQ hashes in memory, each with its upload's quality, searched by radius
 * through the same {@code hashindex} as the banks (an {@link IndexWriter}: a multi-index base plus
 * a small delta of the latest uploads). The quality rides in the index's id beside the row id, so
 * the filter costs no memory: 7 low bits hold 0..100, or {@value #UNKNOWN_QUALITY} for none.
 *
 * <p>Cut into 16 tables (instead of the 12 a million-entry bank gets), the index holds about 100
 * bytes per upload at a million and more, where the banks' layout would hold about 200.
 *
 * <p>Not thread-safe: {@link RegistryHashes} owns it under its lock.
 */
final class RegistryIndex {

    static final int SUBSTRINGS = 16;

    private static final int QUALITY_BITS = 7;
    private static final long QUALITY_MASK = (1L << QUALITY_BITS) - 1;
    private static final int UNKNOWN_QUALITY = 127;
    /** Row ids that leave room for the quality bits in a signed long. */
    static final long MAX_ROW_ID = Long.MAX_VALUE >>> QUALITY_BITS;

    /** A registered upload close to a query: its row id, the query and their distance. */
    record Near(long rowId, PdqHash query, int distance) {}

    private final IndexWriter writer = IndexWriter.empty(SUBSTRINGS);
    private int size;

    /**
     * Adds an upload's hash; searches see it from the next call on.
     *
     * @param rowId the upload's row id, 0 to {@link #MAX_ROW_ID}
     */
    void add(long rowId, PdqHash hash, Optional<Quality> quality) {
        if (rowId < 0 || rowId > MAX_ROW_ID) {
            throw new IllegalArgumentException("a registry row id must be within [0, 2^56)");
        }
        long code = quality.map(q -> (long) q.value()).orElse((long) UNKNOWN_QUALITY);
        writer.add((rowId << QUALITY_BITS) | code, hash);
        size++;
    }

    int size() {
        return size;
    }

    /**
     * Publishes what was added so far, merging the delta into a new base when it has grown (about a
     * second per million uploads); searches do this themselves, so calling it ahead only moves the
     * work out of their way.
     */
    IndexSnapshot snapshot() {
        return writer.snapshot();
    }

    /**
     * Every upload within the bank's distance of each query whose quality the bank matches by PDQ
     * ({@link Bank#matchesPdqOf}), ordered by row id, then by query order.
     */
    List<Near> search(List<PdqHash> queries, Bank bank) {
        IndexSnapshot index = writer.snapshot();
        List<Near> found = new ArrayList<>();
        for (PdqHash query : queries) {
            for (Match match : index.search(query, bank.maxDistance())) {
                if (bank.matchesPdqOf(quality(match.id()))) {
                    found.add(new Near(match.id() >>> QUALITY_BITS, query, match.distance()));
                }
            }
        }
        found.sort((a, b) -> Long.compare(a.rowId(), b.rowId()));
        return found;
    }

    private static Optional<Quality> quality(long id) {
        int code = (int) (id & QUALITY_MASK);
        return code == UNKNOWN_QUALITY ? Optional.empty() : Optional.of(new Quality(code));
    }
}
