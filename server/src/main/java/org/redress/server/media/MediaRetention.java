package org.redress.server.media;

import java.time.Duration;
import org.redress.server.storage.JobLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Purges expired media and sweeps orphaned files a few times a day ({@code redress.media.purge-interval}, six hours by
 * default). Purging expired references is database work and runs on one replica per interval ({@link JobLeases}),
 * so each purge is recorded once; the orphan sweep looks at this replica's own media directory, so every replica
 * runs it (a file is deleted only under the blob's lock, after checking that no row names it).
 */
@Component
class MediaRetention {

    private static final Logger log = LoggerFactory.getLogger(MediaRetention.class);

    /** Longer than a purge takes; a replica that dies mid-purge holds the job no longer than this. */
    private static final Duration PURGE_HOLD = Duration.ofHours(1);

    private final Media media;
    private final JobLeases jobs;
    private final Duration interval;

    MediaRetention(Media media, JobLeases jobs, @Value("${redress.media.purge-interval:PT6H}") Duration interval) {
        this.media = media;
        this.jobs = jobs;
        this.interval = interval;
    }

    @Scheduled(
            initialDelayString = "${redress.media.purge-initial-delay:PT10M}",
            fixedDelayString = "${redress.media.purge-interval:PT6H}")
    void purge() {
        int[] purged = {0};
        try {
            jobs.runIfDue("media.retention", interval, PURGE_HOLD, () -> purged[0] = media.purgeExpired());
            int orphans = media.sweepOrphans();
            if (purged[0] > 0 || orphans > 0) {
                log.info("Media retention: deleted {} expired references and {} orphaned files", purged[0], orphans);
            }
        } catch (RuntimeException e) {
            log.error(
                    "Media retention failed; it runs again at the next interval ({})",
                    e.getClass().getName(),
                    e);
        }
    }
}
