package org.redress.server.review.web;

import java.util.Set;
import org.redress.server.web.StaffLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Review's entry on the staff start page. */
@Configuration(proxyBeanMethods = false)
class ReviewLinks {

    @Bean
    StaffLink reviewQueueLink() {
        return new StaffLink(
                "review-link", "/review", "Review queue", "moderators", Set.of("MODERATOR", "SENIOR_MODERATOR"), 10);
    }
}
