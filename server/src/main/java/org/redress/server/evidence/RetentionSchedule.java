package org.redress.server.evidence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the retention sweep every {@code redress.evidence.retention.sweep-interval} (six hours by
 * default): the only schedule that purges media.
 */
@Component
class RetentionSchedule {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final RetentionSweep sweep;

    RetentionSchedule(RetentionSweep sweep) {
        this.sweep = sweep;
    }

    @Scheduled(
            initialDelayString = "${redress.evidence.retention.sweep-initial-delay:PT15M}",
            fixedDelayString = "${redress.evidence.retention.sweep-interval:PT6H}")
    void run() {
        try {
            var report = sweep.sweep();
            if (report.ran() && (!report.deleted().isEmpty() || report.orphanedFiles() > 0)) {
                log.info(
                        "Retention sweep deleted {} and {} orphaned media files; {} records kept by holds",
                        report.deleted(),
                        report.orphanedFiles(),
                        report.keptByHolds());
            }
        } catch (RuntimeException e) {
            log.error(
                    "Retention sweep failed; it runs again at the next interval ({})",
                    e.getClass().getName(),
                    e);
        }
    }
}
