package org.redress.server.matching.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.redress.pdq.PdqHash;
import org.redress.pdq.Quality;
import org.redress.server.matching.Bank;
import org.redress.server.matching.check.CheckRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry's PDQ hashes in memory, as one compact array (4 longs per upload, about 40 MB per
 * million) with each upload's quality beside it (one byte), so that the retroactive scan of a
 * newly banked hash is one pass over memory instead of a read of the whole registry inside the
 * banking transaction. Before each scan it reads the rows
 * registered since its last read, on this replica or any other.
 *
 * <p>Row ids come from a sequence, and on PostgreSQL a row with a smaller id can commit after one
 * with a larger id (two replicas' group commits racing). Each read therefore looks again at the last
 * {@value #LATE_WINDOW} ids below the highest one seen and adds those it missed; a group commit
 * writes at most {@value CheckRecorder#MAX_BATCH} rows, so the window covers ten replicas' batches
 * in flight at once.
 */
@Component
public class RegistryHashes {

    static final int LATE_WINDOW = 5_000;

    private static final byte UNKNOWN_QUALITY = -1;

    private static final String SINCE = """
            SELECT id, pdq, quality FROM matching_content WHERE id > :after AND pdq IS NOT NULL ORDER BY id
            """;

    private static final String CONTENT_IDS = "SELECT id, content_id FROM matching_content WHERE id IN (:ids)";

    /** A registered upload whose PDQ hash is close to a query. */
    public record Near(String contentId, PdqHash query, int distance) {
    }

    private static final Logger log = LoggerFactory.getLogger(RegistryHashes.class);

    private final JdbcClient jdbc;
    private long[] words = new long[4 * 1024];
    private long[] rowIds = new long[1024];
    /** Each upload's PDQ quality, 0 to 100, or {@value #UNKNOWN_QUALITY} when its check gave none. */
    private byte[] qualities = new byte[1024];
    private int count;
    private long highest;
    /** The ids held that are within the late window below {@link #highest}. */
    private final Set<Long> recent = new HashSet<>();

    RegistryHashes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every registered upload within the bank's distance of a query, per query, leaving out the
     * uploads whose quality is under the bank's floor (an upload check would not match them by PDQ
     * either). Reads the rows registered since the last call first, in the caller's transaction.
     */
    public synchronized List<Near> search(List<PdqHash> queries, Bank bank) {
        catchUp();
        int maxDistance = bank.maxDistance();
        record Hit(long rowId, PdqHash query, int distance) {
        }
        List<Hit> hits = new ArrayList<>();
        for (PdqHash query : queries) {
            long q0 = query.w0();
            long q1 = query.w1();
            long q2 = query.w2();
            long q3 = query.w3();
            for (int i = 0, at = 0; i < count; i++, at += 4) {
                int d = Long.bitCount(words[at] ^ q0) + Long.bitCount(words[at + 1] ^ q1)
                        + Long.bitCount(words[at + 2] ^ q2) + Long.bitCount(words[at + 3] ^ q3);
                if (d <= maxDistance && bank.matchesPdqOf(quality(i))) {
                    hits.add(new Hit(rowIds[i], query, d));
                }
            }
        }
        if (hits.isEmpty()) {
            return List.of();
        }
        var contentIds = new java.util.HashMap<Long, String>();
        List<Long> ids = hits.stream().map(Hit::rowId).distinct().toList();
        for (int from = 0; from < ids.size(); from += 500) {
            jdbc.sql(CONTENT_IDS).param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .query(row -> {
                        contentIds.put(row.getLong("id"), row.getString("content_id"));
                    });
        }
        hits.sort((a, b) -> Long.compare(a.rowId(), b.rowId()));
        return hits.stream().map(hit -> new Near(contentIds.get(hit.rowId()), hit.query(), hit.distance())).toList();
    }

    /**
     * Reads the registry into memory once the application is up, in the background, so that the
     * first retroactive scan after a start does not do it inside its banking transaction.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread.ofVirtual().name("matching-registry-warm-up").start(() -> {
            try {
                synchronized (this) {
                    catchUp();
                }
            } catch (RuntimeException e) {
                log.warn("Reading the registry into memory failed ({}); the first scan will read it",
                        e.getClass().getName());
            }
        });
    }

    private void catchUp() {
        long from = Math.max(0, highest - LATE_WINDOW);
        jdbc.sql(SINCE).param("after", from).query(row -> {
            long id = row.getLong("id");
            if (id <= highest && recent.contains(id)) {
                return;
            }
            add(id, PdqHash.fromHex(row.getString("pdq")), JdbcContentRegistry.quality(row));
        });
        recent.removeIf(id -> id <= highest - LATE_WINDOW);
    }

    private Optional<Quality> quality(int i) {
        return qualities[i] == UNKNOWN_QUALITY ? Optional.empty() : Optional.of(new Quality(qualities[i]));
    }

    private void add(long id, PdqHash hash, Optional<Quality> quality) {
        if (count == rowIds.length) {
            rowIds = Arrays.copyOf(rowIds, count * 2);
            words = Arrays.copyOf(words, count * 8);
            qualities = Arrays.copyOf(qualities, count * 2);
        }
        qualities[count] = quality.map(q -> (byte) q.value()).orElse(UNKNOWN_QUALITY);
        int at = 4 * count;
        words[at] = hash.w0();
        words[at + 1] = hash.w1();
        words[at + 2] = hash.w2();
        words[at + 3] = hash.w3();
        rowIds[count++] = id;
        highest = Math.max(highest, id);
        recent.add(id);
        if (recent.size() > 4 * LATE_WINDOW) {
            // The first read after a start brings the whole registry: keep the set small meanwhile.
            recent.removeIf(held -> held <= highest - LATE_WINDOW);
        }
    }
}
