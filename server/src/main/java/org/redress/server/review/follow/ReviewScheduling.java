package org.redress.server.review.follow;

import org.redress.server.review.ComplaintSettings;
import org.redress.server.review.Review;
import org.redress.server.review.ReviewSettings;
import org.redress.server.review.ThreatSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the deadline sweep and the follow-ups of acknowledgements on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ReviewSettings.class, ThreatSettings.class, ComplaintSettings.class})
class ReviewScheduling {

    private final Review review;

    ReviewScheduling(Review review) {
        this.review = review;
    }

    @Scheduled(
            fixedDelayString = "${redress.review.sweep-interval:PT1M}",
            initialDelayString = "${redress.review.sweep-interval:PT1M}")
    void sweepDeadlines() {
        review.sweep();
    }

    // Often: a confirmed removal's image blocks re-uploads only once it is banked.
    @Scheduled(
            fixedDelayString = "${redress.review.follow-up-interval:PT1S}",
            initialDelayString = "${redress.review.follow-up-interval:PT1S}")
    void runFollowUps() {
        review.runFollowUps();
    }
}
