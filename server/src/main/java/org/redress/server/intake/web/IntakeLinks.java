package org.redress.server.intake.web;

import org.redress.server.web.PublicLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Intake's pages on the public start page and the not-found page. */
@Configuration(proxyBeanMethods = false)
class IntakeLinks {

    @Bean
    PublicLink reportLink() {
        return new PublicLink(
                "report-link",
                "/report",
                "Report an intimate image",
                "An image of you, or of someone you act for, was shared or posted without consent.",
                10);
    }

    @Bean
    PublicLink protectLink() {
        return new PublicLink(
                "protect-link",
                "/protect",
                "Protect your images",
                "Stop images being posted here before they appear. The images never leave your device.",
                20);
    }
}
