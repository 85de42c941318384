package org.redress.server.matching.registry;

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
 * The registry's PDQ hashes in memory ({@link RegistryIndex}: the banks' multi-index, about 100
 * bytes per upload, with each upload's quality beside its id), so that the retroactive scan of a
 * newly banked hash is a radius search in memory instead of a read of the whole registry inside
 * the banking transaction. Before each scan it reads the rows registered since its last read, on
 * this replica or any other.
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

    private static final String SINCE = """
            SELECT id, pdq, quality, dihedral FROM matching_content WHERE id > :after AND pdq IS NOT NULL ORDER BY id
            """;

    private static final String CONTENT_IDS = "SELECT id, content_id, verdict FROM matching_content WHERE id IN (:ids)";

    /**
     * A registered upload whose PDQ hash is close to a query.
     *
     * @param published whether the upload went online: false when its check answered BLOCK
     */
    public record Near(String contentId, PdqHash query, int distance, boolean published) {}

    private static final Logger log = LoggerFactory.getLogger(RegistryHashes.class);

    private final JdbcClient jdbc;
    private final RegistryIndex index = new RegistryIndex();
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
        List<RegistryIndex.Near> hits = index.search(queries, bank);
        if (hits.isEmpty()) {
            return List.of();
        }
        var contentIds = new java.util.HashMap<Long, String>();
        var blocked = new HashSet<Long>();
        List<Long> ids = hits.stream().map(RegistryIndex.Near::rowId).distinct().toList();
        for (int from = 0; from < ids.size(); from += 500) {
            jdbc.sql(CONTENT_IDS)
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .query(row -> {
                        contentIds.put(row.getLong("id"), row.getString("content_id"));
                        if ("BLOCK".equals(row.getString("verdict"))) {
                            blocked.add(row.getLong("id"));
                        }
                    });
        }
        return hits.stream()
                .map(hit -> new Near(
                        java.util.Objects.requireNonNull(contentIds.get(hit.rowId())),
                        hit.query(),
                        hit.distance(),
                        !blocked.contains(hit.rowId())))
                .toList();
    }

    /**
     * Reads the registry into memory and builds its index once the application is up, in the
     * background, so that the first retroactive scan after a start does not do either inside its
     * banking transaction.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread.ofVirtual().name("matching-registry-warm-up").start(() -> {
            try {
                synchronized (this) {
                    catchUp();
                    index.snapshot();
                }
            } catch (RuntimeException e) {
                log.warn(
                        "Reading the registry into memory failed ({}); the first scan will read it",
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
            // An image upload's rotations and mirrorings share its row id: a scan finds the upload
            // by whichever is nearest, as its check would have.
            for (PdqHash variant : RegisteredContent.variantsOf(row.getString("dihedral"))) {
                index.add(id, variant, JdbcContentRegistry.quality(row));
            }
        });
        recent.removeIf(id -> id <= highest - LATE_WINDOW);
    }

    private void add(long id, PdqHash hash, Optional<Quality> quality) {
        index.add(id, hash, quality);
        highest = Math.max(highest, id);
        recent.add(id);
        if (recent.size() > 4 * LATE_WINDOW) {
            // The first read after a start brings the whole registry: keep the set small meanwhile.
            recent.removeIf(held -> held <= highest - LATE_WINDOW);
        }
    }
}
