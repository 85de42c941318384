package org.redress.server.review.follow;

import java.time.Duration;
import org.redress.server.review.ComplaintSettings;
import org.redress.server.review.Review;
import org.redress.server.review.ReviewSettings;
import org.redress.server.review.ThreatSettings;
import org.redress.server.storage.JobLeases;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the deadline sweep and the follow-ups of acknowledgements on a schedule. The sweep runs on one
 * replica per {@code redress.review.sweep-interval} ({@link JobLeases}); follow-ups run on every
 * replica, each claiming its own rows of the follow-up outbox.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ReviewSettings.class, ThreatSettings.class, ComplaintSettings.class})
class ReviewScheduling {

    /** Longer than a sweep takes; a replica that dies mid-sweep holds the job no longer than this. */
    private static final Duration SWEEP_HOLD = Duration.ofMinutes(10);

    private final Review review;
    private final JobLeases jobs;
    private final Duration sweepInterval;

    ReviewScheduling(
            Review review, JobLeases jobs, @Value("${redress.review.sweep-interval:PT1M}") Duration sweepInterval) {
        this.review = review;
        this.jobs = jobs;
        this.sweepInterval = sweepInterval;
    }

    @Scheduled(
            fixedDelayString = "${redress.review.sweep-interval:PT1M}",
            initialDelayString = "${redress.review.sweep-interval:PT1M}")
    void sweepDeadlines() {
        jobs.runIfDue("review.deadline-sweep", sweepInterval, SWEEP_HOLD, review::sweep);
    }

    // Often: a confirmed removal's image blocks re-uploads only once it is banked.
    @Scheduled(
            fixedDelayString = "${redress.review.follow-up-interval:PT1S}",
            initialDelayString = "${redress.review.follow-up-interval:PT1S}")
    void runFollowUps() {
        review.runFollowUps();
    }
}
