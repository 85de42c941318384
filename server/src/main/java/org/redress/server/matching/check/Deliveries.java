package org.redress.server.matching.check;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The names of the stream deliveries whose checks are recorded (docs/adr/0030), written by the
 * {@link CheckRecorder} in the same commit as the check's audit record and registration.
 */
@Repository
public class Deliveries {

    /** A delivery and the content its check was about. */
    record Delivery(String name, String contentId) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    Deliveries(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batches = new JdbcTemplate(dataSource);
    }

    /** Which of these deliveries' checks are already recorded. */
    public Set<String> recorded(Collection<String> names) {
        Set<String> recorded = new HashSet<>();
        List<String> all = List.copyOf(names);
        for (int from = 0; from < all.size(); from += 500) {
            recorded.addAll(jdbc.sql("SELECT delivery FROM matching_delivery WHERE delivery IN (:names)")
                    .param("names", all.subList(from, Math.min(all.size(), from + 500)))
                    .query(String.class)
                    .list());
        }
        return recorded;
    }

    /** Forgets the deliveries recorded before the instant: a redelivery is not expected after it. */
    public int forgetBefore(Instant before) {
        return jdbc.sql("DELETE FROM matching_delivery WHERE recorded_at < :before")
                .param("before", before.toEpochMilli())
                .update();
    }

    /** Records deliveries in the caller's transaction; a name recorded before fails it (the primary key). */
    void recordAll(List<Delivery> deliveries, Instant recordedAt) {
        if (deliveries.isEmpty()) {
            return;
        }
        batches.batchUpdate(
                "INSERT INTO matching_delivery (delivery, content_id, recorded_at) VALUES (?, ?, ?)",
                deliveries,
                deliveries.size(),
                (statement, d) -> {
                    statement.setString(1, d.name());
                    statement.setString(2, d.contentId());
                    statement.setLong(3, recordedAt.toEpochMilli());
                });
    }
}
