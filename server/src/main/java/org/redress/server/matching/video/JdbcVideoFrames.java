package org.redress.server.matching.video;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.redress.pdq.PdqHash;
import org.redress.server.matching.EntryTrust;
import org.redress.server.storage.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcVideoFrames implements VideoFrames {

    private static final String BANK = """
            INSERT INTO matching_entry_frames (entry_id, frames) VALUES (:entryId, :frames)
            """;

    private static final String REGISTER = """
            INSERT INTO matching_content_frames (content_id, frames, checked_at)
            VALUES (:contentId, :frames, :checkedAt)
            """;

    private static final String NEWEST_REGISTERED = """
            SELECT frames FROM matching_content_frames WHERE content_id = :contentId ORDER BY id DESC LIMIT 1
            """;

    private static final String MATCHABLE = """
            SELECT f.entry_id, e.bank_id, e.trust, f.frames
              FROM matching_entry_frames f
              JOIN matching_entry e ON e.id = f.entry_id
              JOIN matching_bank b ON b.id = e.bank_id
             WHERE e.enabled = 1 AND b.enabled = 1
             ORDER BY f.entry_id
            """;

    private static final String REGISTERED = """
            SELECT content_id, frames FROM matching_content_frames ORDER BY id
            """;

    private static final String VIDEOS_AMONG = """
            SELECT COUNT(*) FROM matching_entry_frames WHERE entry_id IN (:ids)
            """;

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    JdbcVideoFrames(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    @Override
    public void bank(long entryId, List<PdqHash> frames) {
        jdbc.sql(BANK).param("entryId", entryId).param("frames", column(frames)).update();
    }

    @Override
    public void register(String contentId, List<PdqHash> frames, Instant checkedAt) {
        jdbc.sql(REGISTER)
                .param("contentId", contentId)
                .param("frames", column(frames))
                .param("checkedAt", dialect.bind(checkedAt))
                .update();
    }

    @Override
    public Optional<List<PdqHash>> newestRegistered(String contentId) {
        return jdbc.sql(NEWEST_REGISTERED)
                .param("contentId", contentId)
                .query(String.class)
                .optional()
                .map(JdbcVideoFrames::framesOf);
    }

    @Override
    public void forEachMatchable(Consumer<BankedVideo> action) {
        jdbc.sql(MATCHABLE).query(row -> {
            action.accept(new BankedVideo(
                    row.getLong("entry_id"),
                    row.getString("bank_id"),
                    EntryTrust.valueOf(row.getString("trust")),
                    framesOf(row.getString("frames"))));
        });
    }

    @Override
    public void forEachRegistered(Consumer<RegisteredVideo> action) {
        jdbc.sql(REGISTERED).query(row -> {
            action.accept(new RegisteredVideo(row.getString("content_id"), framesOf(row.getString("frames"))));
        });
    }

    @Override
    public boolean anyVideoAmong(Collection<Long> entryIds) {
        List<Long> ids = List.copyOf(entryIds);
        for (int from = 0; from < ids.size(); from += 500) {
            long found = jdbc.sql(VIDEOS_AMONG)
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .query(Long.class)
                    .single();
            if (found > 0) {
                return true;
            }
        }
        return false;
    }

    /** Frame hashes as stored: their hex forms one after another (an empty text for none). */
    private static String column(List<PdqHash> frames) {
        var text = new StringBuilder(64 * frames.size());
        frames.forEach(frame -> text.append(frame.toHex()));
        return text.toString();
    }

    private static List<PdqHash> framesOf(String column) {
        List<PdqHash> frames = new ArrayList<>(column.length() / 64);
        for (int at = 0; at + 64 <= column.length(); at += 64) {
            frames.add(PdqHash.fromHex(column.substring(at, at + 64)));
        }
        return frames;
    }
}
