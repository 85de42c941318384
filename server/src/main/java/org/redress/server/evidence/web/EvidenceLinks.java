package org.redress.server.evidence.web;

import java.util.Set;
import org.redress.server.web.StaffLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Evidence's pages on the start page, for compliance staff. */
@Configuration(proxyBeanMethods = false)
class EvidenceLinks {

    @Bean
    StaffLink lawEnforcementRequestsLink() {
        return new StaffLink(
                "evidence-requests-link",
                "/evidence/requests",
                "Law-enforcement requests",
                "compliance",
                Set.of("COMPLIANCE"),
                40);
    }

    @Bean
    StaffLink legalHoldsLink() {
        return new StaffLink(
                "legal-holds-link", "/evidence/holds", "Legal holds", "compliance", Set.of("COMPLIANCE"), 41);
    }
}
