package org.redress.server.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Purges expired media and sweeps orphaned files a few times a day ({@code redress.media.purge-interval}, six hours by
 * default).
 */
@Component
class MediaRetention {

    private static final Logger log = LoggerFactory.getLogger(MediaRetention.class);

    private final Media media;

    MediaRetention(Media media) {
        this.media = media;
    }

    @Scheduled(
            initialDelayString = "${redress.media.purge-initial-delay:PT10M}",
            fixedDelayString = "${redress.media.purge-interval:PT6H}")
    void purge() {
        try {
            int purged = media.purgeExpired();
            int orphans = media.sweepOrphans();
            if (purged > 0 || orphans > 0) {
                log.info("Media retention: deleted {} expired references and {} orphaned files", purged, orphans);
            }
        } catch (RuntimeException e) {
            log.error(
                    "Media retention failed; it runs again at the next interval ({})",
                    e.getClass().getName(),
                    e);
        }
    }
}
