package org.redress.server.evidence;

import java.time.Duration;
import org.redress.server.storage.JobLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the retention sweep every {@code redress.evidence.retention.sweep-interval} (six hours by default), on one
 * replica per interval ({@link JobLeases}): the only schedule that purges media. The sweep's own claim still keeps a
 * sweep started by hand from running beside it.
 */
@Component
class RetentionSchedule {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    /** Longer than a sweep takes; a replica that dies mid-sweep holds the job no longer than this. */
    private static final Duration SWEEP_HOLD = Duration.ofHours(2);

    private final RetentionSweep sweep;
    private final JobLeases jobs;
    private final Duration interval;

    RetentionSchedule(
            RetentionSweep sweep,
            JobLeases jobs,
            @Value("${redress.evidence.retention.sweep-interval:PT6H}") Duration interval) {
        this.sweep = sweep;
        this.jobs = jobs;
        this.interval = interval;
    }

    @Scheduled(
            initialDelayString = "${redress.evidence.retention.sweep-initial-delay:PT15M}",
            fixedDelayString = "${redress.evidence.retention.sweep-interval:PT6H}")
    void run() {
        jobs.runIfDue("evidence.retention-sweep", interval, SWEEP_HOLD, this::sweepHere);
    }

    private void sweepHere() {
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
