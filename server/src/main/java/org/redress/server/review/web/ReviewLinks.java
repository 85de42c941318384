package org.redress.server.review.web;

import org.redress.server.web.StaffLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Review's entry on the staff start page. */
@Configuration(proxyBeanMethods = false)
class ReviewLinks {

    @Bean
    StaffLink reviewQueueLink() {
        return new StaffLink("review-link", "/review", "Review queue", "moderators", 10);
    }
}
